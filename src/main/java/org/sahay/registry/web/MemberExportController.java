package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.MemberExports;
import org.sahay.registry.RegistryAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The export form of the member list; posting it downloads the file. */
@Controller
class MemberExportController {

  private final MemberExports exports;
  private final AccessPolicy policy;

  MemberExportController(MemberExports exports, AccessPolicy policy) {
    this.exports = exports;
    this.policy = policy;
  }

  @GetMapping("/members/export")
  String form(Actor actor, Model model) {
    requireExport(actor);
    return page(actor, model, FormState.of(Map.of("format", "csv"), Map.of()), false);
  }

  /** Downloads the file, or shows the form again with what is wrong (returns null when written). */
  @PostMapping("/members/export")
  String download(Actor actor, ExportForm form, Model model, HttpServletResponse response)
      throws IOException {
    requireExport(actor);
    if (form.request().sensitive() && !maySeeSensitive(actor)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return page(
          actor,
          model,
          FormState.of(new ExportForm(form.format(), null, form.reason()), Map.of()),
          true);
    }
    var outcome =
        exports.export(actor, form.request(), export -> ExportDownload.start(response, export));
    if (outcome instanceof MemberExports.Outcome.Invalid invalid) {
      return page(actor, model, FormState.of(form, invalid.errors()), false);
    }
    return null;
  }

  /** The export page's fields; the box for the confidential profile is unticked when absent. */
  record ExportForm(String format, Boolean sensitive, String reason) {

    MemberExports.Request request() {
      return new MemberExports.Request(format, Boolean.TRUE.equals(sensitive), reason);
    }
  }

  private String page(Actor actor, Model model, FormState form, boolean refused) {
    model.addAttribute("form", form);
    model.addAttribute("maySeeSensitive", maySeeSensitive(actor));
    model.addAttribute("refused", refused);
    return "registry/export";
  }

  private void requireExport(Actor actor) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(actor, RegistryAction.MEMBER_READ, actor.organisation());
  }

  private boolean maySeeSensitive(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation());
  }
}
