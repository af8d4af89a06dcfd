package org.sahay.entitlements.web;

import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.EntitlementAction;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.entitlements.EntitlementStatus;
import org.sahay.entitlements.Entitlements;
import org.sahay.entitlements.SchemeId;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's entitlements page: every scheme that runs where the collective works, where she (or
 * her household) stands with it, the documents still missing, and a short form per scheme to record
 * the next step. Plain forms, no JavaScript; a refusal shows the page again with the message beside
 * the scheme it is about.
 */
@Controller
class EntitlementPagesController {

  private final Entitlements entitlements;
  private final Members members;
  private final AccessPolicy policy;
  private final Today today;

  EntitlementPagesController(
      Entitlements entitlements, Members members, AccessPolicy policy, Today today) {
    this.entitlements = entitlements;
    this.members = members;
    this.policy = policy;
    this.today = today;
  }

  @GetMapping("/members/{id}/entitlements")
  String page(Actor actor, @PathVariable MemberId id, Model model) {
    return page(actor, id, model, null, FormState.empty());
  }

  /** One scheme's steps for the member (or her household). */
  @GetMapping("/members/{id}/entitlements/{scheme}")
  String history(
      Actor actor, @PathVariable MemberId id, @PathVariable SchemeId scheme, Model model) {
    model.addAttribute("standing", entitlements.ofMember(actor, id, scheme));
    model.addAttribute("member", members.summary(actor, id).orElseThrow(NotFoundException::new));
    model.addAttribute("zone", today.zone(actor.organisation()));
    return "entitlements/history";
  }

  /** A step with one scheme, as the API takes it; a version that is not a number binds as none. */
  @PostMapping("/members/{id}/entitlements")
  String record(
      Actor actor,
      @PathVariable MemberId id,
      Entitlements.Change form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = entitlements.record(actor, id, form);
    if (outcome instanceof EntitlementOutcome.Saved<?>) {
      redirect.addFlashAttribute("notice", "entitlements.saved");
      return "redirect:/members/" + id + "/entitlements#s-" + form.scheme();
    }
    Map<String, String> errors =
        outcome instanceof EntitlementOutcome.Invalid<?> invalid
            ? invalid.errors()
            : Map.of("version", "entitlement.stale");
    return page(actor, id, model, form.scheme(), FormState.of(form, binding, errors));
  }

  private String page(Actor actor, MemberId id, Model model, String refusedScheme, FormState form) {
    var standings = entitlements.ofMember(actor, id);
    model.addAttribute("member", members.summary(actor, id).orElseThrow(NotFoundException::new));
    model.addAttribute("standings", standings);
    model.addAttribute("statuses", List.of(EntitlementStatus.values()));
    model.addAttribute(
        "canRecord",
        policy.permits(actor, EntitlementAction.ENTITLEMENT_WRITE, actor.organisation()));
    model.addAttribute("today", today.at(actor.organisation()).toString());
    model.addAttribute("refused", refusedScheme);
    model.addAttribute("form", form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "entitlements/member";
  }
}
