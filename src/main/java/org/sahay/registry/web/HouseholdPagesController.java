package org.sahay.registry.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.RecordSections;
import org.sahay.registry.RegistryAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The household page, and the form that creates a household from a member's page or changes it. */
@Controller
class HouseholdPagesController {

  private final Households households;
  private final AccessPolicy policy;

  private final List<RecordSections> sections;

  HouseholdPagesController(
      Households households, AccessPolicy policy, List<RecordSections> sections) {
    this.households = households;
    this.policy = policy;
    this.sections = sections;
  }

  @GetMapping("/households/new")
  String newHousehold(Actor actor, @RequestParam MemberId member, Model model) {
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    Optional<Household> existing = households.ofMember(actor, member);
    if (existing.isPresent()) {
      return "redirect:/households/" + existing.get().id();
    }
    List<Household.Person> people = households.people(actor, List.of(member));
    if (people.isEmpty()) {
      throw new NotFoundException();
    }
    var values = Map.of("member." + member, "on", "headMemberId", member.toString());
    return form(model, null, people, FormState.of(values, Map.of()));
  }

  @PostMapping("/households")
  String create(Actor actor, HouseholdForm form, Model model, RedirectAttributes redirect) {
    var outcome = households.create(actor, form.command());
    if (outcome instanceof Households.Outcome.Saved saved) {
      redirect.addFlashAttribute("notice", "household.created");
      return "redirect:/households/" + saved.household().id();
    }
    var invalid = (Households.Outcome.Invalid) outcome;
    return form(
        model,
        null,
        households.people(actor, form.offered()),
        FormState.of(form.retyped(), invalid.errors()));
  }

  @GetMapping("/households/{id}")
  String show(Actor actor, @PathVariable HouseholdId id, Model model) {
    Household household = households.get(actor, id);
    model.addAttribute("household", household);
    model.addAttribute("canEdit", mayWrite(actor));
    model.addAttribute(
        "about", sections.stream().flatMap(x -> x.aboutHousehold(actor, id).stream()).toList());
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "registry/household";
  }

  @GetMapping("/households/{id}/edit")
  String edit(Actor actor, @PathVariable HouseholdId id, Model model) {
    Household household = households.get(actor, id);
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    return form(
        model,
        household,
        household.members(),
        FormState.of(HouseholdForm.values(household), Map.of()));
  }

  @PostMapping("/households/{id}")
  String update(
      Actor actor,
      @PathVariable HouseholdId id,
      HouseholdForm form,
      Model model,
      RedirectAttributes redirect) {
    var outcome = households.update(actor, id, form.command());
    if (outcome instanceof Households.Outcome.Saved) {
      redirect.addFlashAttribute("notice", "household.saved");
      return "redirect:/households/" + id;
    }
    Map<String, String> errors =
        outcome instanceof Households.Outcome.Invalid invalid
            ? invalid.errors()
            : Map.of("version", "household.stale");
    Household current = households.get(actor, id);
    Set<MemberId> offered = new LinkedHashSet<>(form.offered());
    current.members().forEach(p -> offered.add(p.id()));
    return form(
        model, current, households.people(actor, offered), FormState.of(form.retyped(), errors));
  }

  private String form(
      Model model, Household household, List<Household.Person> people, FormState form) {
    model.addAttribute("household", household);
    model.addAttribute("people", people);
    model.addAttribute(
        "candidates", people.stream().map(p -> p.id().toString()).collect(Collectors.joining(",")));
    model.addAttribute("form", form);
    model.addAttribute("rows", HouseholdForm.rows(form.values()));
    return "registry/household-form";
  }

  private boolean mayWrite(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, RegistryAction.MEMBER_WRITE, actor.organisation());
  }
}
