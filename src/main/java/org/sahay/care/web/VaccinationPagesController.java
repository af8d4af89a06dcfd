package org.sahay.care.web;

import java.time.LocalDate;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.CareAction;
import org.sahay.care.CareOutcome;
import org.sahay.care.Dose;
import org.sahay.care.Vaccinations;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Vaccination on pages: a form to record a dose (the member by her code), who is due for the next
 * dose, and coverage per district; the due list on a page of its own to print.
 */
@Controller
class VaccinationPagesController {

  private final Vaccinations vaccinations;
  private final AccessPolicy policy;
  private final Today today;

  VaccinationPagesController(Vaccinations vaccinations, AccessPolicy policy, Today today) {
    this.vaccinations = vaccinations;
    this.policy = policy;
    this.today = today;
  }

  @GetMapping("/care/vaccinations")
  String page(Actor actor, Model model) {
    return page(actor, model, FormState.empty());
  }

  @PostMapping("/care/vaccinations")
  String record(
      Actor actor, Vaccinations.DoseInput form, Model model, RedirectAttributes redirect) {
    var outcome = vaccinations.record(actor, form);
    if (outcome instanceof CareOutcome.Saved<Dose>) {
      redirect.addFlashAttribute("notice", "vaccination.recorded");
      return "redirect:/care/vaccinations";
    }
    Map<String, String> errors =
        outcome instanceof CareOutcome.Invalid<Dose> invalid
            ? invalid.errors()
            : Map.of("dose", ((CareOutcome.Conflict<Dose>) outcome).messageKey());
    return page(actor, model, FormState.of(form, errors));
  }

  /** The due list alone, to print and take to a vaccination camp. */
  @GetMapping("/care/vaccinations/due")
  String due(Actor actor, Model model) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    model.addAttribute("due", vaccinations.due(actor, null));
    model.addAttribute("vaccines", vaccinations.vaccines());
    model.addAttribute("day", today.at(actor.organisation()));
    return "care/due";
  }

  private String page(Actor actor, Model model, FormState form) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    LocalDate day = today.at(actor.organisation());
    model.addAttribute("due", vaccinations.due(actor, day));
    model.addAttribute("coverage", vaccinations.coverage(actor, actor.organisation()));
    model.addAttribute("vaccines", vaccinations.vaccines());
    model.addAttribute(
        "canRecord", policy.permits(actor, CareAction.CARE_WRITE, actor.organisation()));
    model.addAttribute(
        "form",
        form.values().isEmpty()
            ? FormState.of(Map.of("givenOn", day.toString(), "dose", "1"), Map.of())
            : form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/vaccinations";
  }
}
