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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  @PostMapping("/relief/rounds")
  String createRound(
      Actor actor,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate startsOn = StockPagesController.date(form.get("startsOn"), "startsOn", errors);
    LocalDate endsOn = StockPagesController.date(form.get("endsOn"), "endsOn", errors);
    LocationId location =
        StockPagesController.id(
            LocationId::new,
            form.get("locationId"),
            "locationId",
            "relief.location.unknown",
            errors);
    KitId kit =
        StockPagesController.id(
            KitId::new, form.get("kitId"), "kitId", "relief.kit.unknown", errors);
    List<ItemLine> lines = StockPagesController.lines(form, ROUND_ROWS, errors);
    String eligibility = form.get("eligibility");
    List<MemberId> listed = new ArrayList<>();
    if (Eligibility.LIST.name().equals(eligibility)) {
      for (String code : form.getOrDefault("memberCodes", "").strip().split("[\\s,;]+")) {
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
      return roundPage(actor, model, FormState.of(form, errors));
    }
    var outcome =
        rounds.create(
            actor,
            new DistributionRounds.RoundInput(
                form.get("name"),
                startsOn,
                endsOn,
                location,
                kit,
                kit == null ? lines : (lines.isEmpty() ? null : lines),
                eligibility,
                form.get("rule"),
                listed,
                null,
                null,
                "true".equals(form.get("meetsFoodNeeds"))));
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
