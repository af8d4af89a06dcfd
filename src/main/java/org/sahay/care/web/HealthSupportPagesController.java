package org.sahay.care.web;

import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.CareOutcome;
import org.sahay.care.HealthSupport;
import org.sahay.care.HealthSupportKind;
import org.sahay.care.HealthSupports;
import org.sahay.platform.FormState;
import org.sahay.relief.ReliefAction;
import org.sahay.relief.ReliefCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Health support on a page: what was given, and a form to record it (from stock, if given so). */
@Controller
class HealthSupportPagesController {

  private final HealthSupports supports;
  private final ReliefCatalogue catalogue;
  private final AccessPolicy policy;

  HealthSupportPagesController(
      HealthSupports supports, ReliefCatalogue catalogue, AccessPolicy policy) {
    this.supports = supports;
    this.catalogue = catalogue;
    this.policy = policy;
  }

  @GetMapping("/care/health")
  String page(Actor actor, Model model) {
    return page(actor, model, FormState.empty());
  }

  @PostMapping("/care/health")
  String record(Actor actor, HealthSupports.Input form, Model model, RedirectAttributes redirect) {
    var outcome = supports.record(actor, form);
    if (outcome instanceof CareOutcome.Saved<HealthSupport>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/health";
    }
    return page(
        actor, model, FormState.of(form, ((CareOutcome.Invalid<HealthSupport>) outcome).errors()));
  }

  private String page(Actor actor, Model model, FormState form) {
    model.addAttribute("supports", supports.open(actor));
    model.addAttribute("kinds", HealthSupportKind.values());
    boolean stock = policy.permits(actor, ReliefAction.RELIEF_READ, actor.organisation());
    model.addAttribute("items", stock ? catalogue.items(actor) : java.util.List.of());
    model.addAttribute("locations", stock ? catalogue.locations(actor) : java.util.List.of());
    model.addAttribute("form", form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/health";
  }
}
