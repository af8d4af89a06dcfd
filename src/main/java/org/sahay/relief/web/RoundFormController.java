package org.sahay.relief.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.Eligibility;
import org.sahay.relief.EntitlementRule;
import org.sahay.relief.ItemLine;
import org.sahay.relief.KitId;
import org.sahay.relief.LocationId;
import org.sahay.relief.ReliefCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page that opens a distribution round: when, where, what each hand-over gives, to whom. */
@Controller
class RoundFormController {

  private static final int ROUND_ROWS = 3;

  private final ReliefCatalogue catalogue;
  private final DistributionRounds rounds;
  private final Members members;
  private final Today today;

  RoundFormController(
      ReliefCatalogue catalogue, DistributionRounds rounds, Members members, Today today) {
    this.catalogue = catalogue;
    this.rounds = rounds;
    this.members = members;
    this.today = today;
  }

  @GetMapping("/relief/rounds/new")
  String newRound(Actor actor, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    LocalDate first = today.at(actor.organisation());
    values.put("startsOn", first.toString());
    values.put("endsOn", first.plusDays(6).toString());
    values.put("eligibility", Eligibility.ALL_MEMBERS.name());
    values.put("rule", EntitlementRule.ONCE_PER_HOUSEHOLD.name());
    values.put("meetsFoodNeeds", "true");
    return roundPage(actor, model, FormState.of(values, Map.of()));
  }

  /**
   * The round page's fields: a kit or rows of item and quantity, and for a list round the members'
   * codes as typed (the page looks them up; the API takes ids).
   */
  record RoundForm(
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      LocationId locationId,
      KitId kitId,
      List<ItemLine> lines,
      String eligibility,
      String rule,
      String memberCodes,
      Boolean meetsFoodNeeds) {

    DistributionRounds.RoundInput command(List<ItemLine> rows, List<MemberId> listed) {
      return new DistributionRounds.RoundInput(
          name,
          startsOn,
          endsOn,
          locationId,
          kitId,
          kitId == null ? rows : (rows.isEmpty() ? null : rows),
          eligibility,
          rule,
          listed,
          null,
          null,
          Boolean.TRUE.equals(meetsFoodNeeds));
    }
  }

  private static final Map<String, String> KEYS =
      Map.of(
          "startsOn", "relief.date.invalid",
          "endsOn", "relief.date.invalid",
          "locationId", "relief.location.unknown",
          "kitId", "relief.kit.unknown",
          "lines.item", "relief.lines.item.unknown",
          "lines.quantity", "relief.quantity.invalid");

  @PostMapping("/relief/rounds")
  String createRound(
      Actor actor,
      RoundForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = FormState.unreadable(binding, KEYS);
    List<ItemLine> lines = ItemRows.lines(form.lines(), errors);
    List<MemberId> listed = new ArrayList<>();
    if (Eligibility.LIST.name().equals(form.eligibility()) && form.memberCodes() != null) {
      for (String code : form.memberCodes().strip().split("[\\s,;]+")) {
        if (code.isEmpty()) {
          continue;
        }
        var member = members.byCode(actor, code);
        if (member.isEmpty()) {
          errors.put("memberCodes", "relief.round.codes.unknown");
        } else if (!listed.contains(member.get())) {
          listed.add(member.get());
        }
      }
    }
    if (!errors.isEmpty()) {
      return roundPage(actor, model, FormState.of(form, binding, errors));
    }
    var outcome = rounds.create(actor, form.command(lines, listed));
    if (outcome instanceof DistributionRounds.Outcome.Saved saved) {
      redirect.addFlashAttribute("notice", "relief.page.roundCreated");
      return "redirect:/relief/rounds/" + saved.round().id();
    }
    return roundPage(
        actor, model, FormState.of(form, ((DistributionRounds.Outcome.Invalid) outcome).errors()));
  }

  private String roundPage(Actor actor, Model model, FormState form) {
    StockPagesController.lists(catalogue, actor, model);
    model.addAttribute("kits", catalogue.kits(actor));
    model.addAttribute("form", form);
    model.addAttribute(
        "eligibilities",
        List.of(
            Eligibility.ALL_MEMBERS,
            Eligibility.HOUSEHOLDS_WITH_OPEN_FOOD_NEED,
            Eligibility.LIST,
            Eligibility.ANYONE_AT_SITE));
    model.addAttribute("rules", List.of(EntitlementRule.values()));
    model.addAttribute("rows", ROUND_ROWS);
    StockPagesController.flash(model);
    return "relief/round-form";
  }
}
