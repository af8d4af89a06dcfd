package org.sahay.care.web;

import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.CareOutcome;
import org.sahay.care.Incident;
import org.sahay.care.IncidentKind;
import org.sahay.care.Incidents;
import org.sahay.care.Perpetrator;
import org.sahay.care.Referral;
import org.sahay.platform.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Safety incidents on pages, for users granted them: the open ones and a form to record one; an
 * incident's page with its follow-ups, a form to add one, and to close it.
 */
@Controller
class IncidentPagesController {

  private final Incidents incidents;

  IncidentPagesController(Incidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping("/care/incidents")
  String list(Actor actor, Model model) {
    return list(actor, model, FormState.empty());
  }

  @PostMapping("/care/incidents")
  String record(Actor actor, Incidents.IncidentInput form, Model model) {
    var outcome = incidents.record(actor, form);
    if (outcome instanceof CareOutcome.Saved<Incident> saved) {
      return "redirect:/care/incidents/" + saved.value().id();
    }
    return list(
        actor, model, FormState.of(form, ((CareOutcome.Invalid<Incident>) outcome).errors()));
  }

  @GetMapping("/care/incidents/{id}")
  String page(Actor actor, @PathVariable UUID id, Model model) {
    return page(actor, id, model, FormState.empty());
  }

  @PostMapping("/care/incidents/{id}/follow-ups")
  String followUp(
      Actor actor,
      @PathVariable UUID id,
      Incidents.FollowUpInput form,
      Model model,
      RedirectAttributes redirect) {
    var outcome = incidents.followUp(actor, id, form);
    if (outcome instanceof CareOutcome.Saved<Incident>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/incidents/" + id;
    }
    if (outcome instanceof CareOutcome.Conflict<Incident>) {
      redirect.addFlashAttribute("notice", "care.stale");
      return "redirect:/care/incidents/" + id;
    }
    return page(
        actor, id, model, FormState.of(form, ((CareOutcome.Invalid<Incident>) outcome).errors()));
  }

  private String list(Actor actor, Model model, FormState form) {
    model.addAttribute("incidents", incidents.open(actor));
    model.addAttribute("kinds", IncidentKind.values());
    model.addAttribute("perpetrators", Perpetrator.values());
    model.addAttribute("referrals", Referral.values());
    model.addAttribute("form", form);
    return "care/incidents";
  }

  private String page(Actor actor, UUID id, Model model, FormState form) {
    model.addAttribute("incident", incidents.get(actor, id));
    model.addAttribute("form", form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/incident";
  }
}
