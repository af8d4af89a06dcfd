package org.sahay.needs.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.needs.NeedAction;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedEvent;
import org.sahay.needs.NeedId;
import org.sahay.needs.NeedSeverity;
import org.sahay.needs.NeedStatus;
import org.sahay.needs.NeedView;
import org.sahay.needs.Needs;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The needs register of a collective: the list (urgent open needs first), one need with its history
 * and a form to move it on, and recording a need by hand from a member or household page.
 */
@Controller
class NeedPagesController {

  private static final int PAGE_SIZE = 25;

  private final Needs needs;
  private final Households households;
  private final AccessPolicy policy;

  private final Today today;

  NeedPagesController(Needs needs, Households households, AccessPolicy policy, Today today) {
    this.today = today;
    this.needs = needs;
    this.households = households;
    this.policy = policy;
  }

  @GetMapping("/needs")
  String list(
      Actor actor,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    NeedStatus wanted =
        Arrays.stream(NeedStatus.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    int current = Math.max(0, page);
    List<NeedView> found = needs.list(actor, wanted, current, PAGE_SIZE + 1);
    model.addAttribute("needs", rows(actor, found.stream().limit(PAGE_SIZE).toList()));
    List<MemberId> due = needs.followUpsDue(actor).stream().map(MemberId::new).toList();
    List<Household.Person> dueCodes = due.isEmpty() ? List.of() : households.people(actor, due);
    model.addAttribute("followUps", dueCodes);
    model.addAttribute("status", wanted == null ? "" : wanted.name());
    model.addAttribute("statuses", List.of(NeedStatus.values()));
    model.addAttribute("page", current);
    model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    model.addAttribute("zone", today.zone(actor.organisation()));
    return "needs/list";
  }

  @GetMapping("/needs/new")
  String newNeed(
      Actor actor,
      @RequestParam(required = false) String member,
      @RequestParam(required = false) String household,
      Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("member", member);
    values.put("household", household);
    values.put("severity", NeedSeverity.MEDIUM.name());
    return recordForm(actor, model, FormState.of(values, Map.of()));
  }

  /** The page's fields for a need recorded by hand; the service parses them, as for the API. */
  record NeedForm(String member, String household, String category, String severity) {

    Needs.Input command() {
      return new Needs.Input(blankToNull(member), blankToNull(household), category, severity, null);
    }
  }

  @PostMapping("/needs")
  String record(Actor actor, NeedForm form, Model model, RedirectAttributes redirect) {
    var outcome = needs.record(actor, form.command());
    if (outcome instanceof Needs.Outcome.Saved saved) {
      redirect.addFlashAttribute("notice", "needs.recorded");
      return "redirect:/needs/" + saved.need().id();
    }
    Map<String, String> errors =
        outcome instanceof Needs.Outcome.Invalid invalid ? invalid.errors() : Map.of();
    return recordForm(actor, model, FormState.of(form, errors));
  }

  @GetMapping("/needs/{id}")
  String show(Actor actor, @PathVariable NeedId id, Model model) {
    NeedView need = needs.get(actor, id);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return page(actor, need, model, FormState.of(values(need), Map.of()), null);
  }

  /**
   * The change as the API takes it, bound from the page's fields; a version that is not a number
   * binds as none, which the service refuses like a missing one.
   */
  @PostMapping("/needs/{id}")
  String change(
      Actor actor,
      @PathVariable NeedId id,
      Needs.Change form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = needs.change(actor, id, form);
    if (outcome instanceof Needs.Outcome.Saved) {
      redirect.addFlashAttribute("notice", "needs.saved");
      return "redirect:/needs/" + id;
    }
    model.addAttribute("notice", null);
    NeedView current = needs.get(actor, id);
    if (outcome instanceof Needs.Outcome.Stale) {
      return page(actor, current, model, FormState.of(values(current), Map.of()), "need.stale");
    }
    Map<String, String> values = new LinkedHashMap<>(FormState.of(form, Map.of()).values());
    values.put("version", String.valueOf(current.version()));
    return page(
        actor,
        current,
        model,
        FormState.of(values, ((Needs.Outcome.Invalid) outcome).errors()),
        // The version travels in a hidden field, so its error is said above the form.
        ((Needs.Outcome.Invalid) outcome).errors().containsKey("version")
            ? "member.version.required"
            : null);
  }

  private String page(Actor actor, NeedView need, Model model, FormState form, String problem) {
    model.addAttribute("row", rows(actor, List.of(need)).get(0));
    model.addAttribute(
        "history",
        needs.history(actor, need.id()).stream().map(NeedPagesController::history).toList());
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("canChange", mayWrite(actor));
    model.addAttribute("statuses", List.of(NeedStatus.values()));
    model.addAttribute("severities", List.of(NeedSeverity.values()));
    model.addAttribute("zone", today.zone(actor.organisation()));
    return "needs/need";
  }

  private String recordForm(Actor actor, Model model, FormState form) {
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    String member = blankToNull(form.value("member"));
    String household = blankToNull(form.value("household"));
    String subject;
    String subjectPath;
    try {
      if (member != null) {
        var people = households.people(actor, List.of(MemberId.of(member)));
        if (people.isEmpty()) {
          throw new NotFoundException();
        }
        subject = people.get(0).code();
        subjectPath = "/members/" + member;
      } else if (household != null) {
        households.get(actor, HouseholdId.of(household));
        subject = "";
        subjectPath = "/households/" + household;
      } else {
        throw new NotFoundException();
      }
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    model.addAttribute("form", form);
    model.addAttribute("subject", subject);
    model.addAttribute("subjectPath", subjectPath);
    model.addAttribute("categories", List.of(NeedCategory.values()));
    model.addAttribute("severities", List.of(NeedSeverity.values()));
    return "needs/new";
  }

  /** Each need with the code of its member (one read for the whole page) or its household. */
  private List<NeedRow> rows(Actor actor, List<NeedView> found) {
    List<MemberId> memberIds =
        found.stream()
            .map(NeedView::member)
            .filter(Objects::nonNull)
            .distinct()
            .map(MemberId::new)
            .toList();
    Map<UUID, String> codes = new HashMap<>();
    for (Household.Person p : households.people(actor, memberIds)) {
      codes.put(p.id().value(), p.code());
    }
    // A household by the code of its head (or first member): never just "Household".
    List<HouseholdId> householdIds =
        found.stream()
            .filter(n -> n.member() == null && n.household() != null)
            .map(n -> new HouseholdId(n.household()))
            .distinct()
            .toList();
    Map<HouseholdId, String> householdCodes =
        householdIds.isEmpty() ? Map.of() : households.codes(actor.organisation(), householdIds);
    return found.stream()
        .map(
            n -> {
              if (n.member() != null && codes.containsKey(n.member())) {
                return new NeedRow(n, codes.get(n.member()), "/members/" + n.member());
              }
              if (n.household() != null) {
                return new NeedRow(
                    n,
                    householdCodes.getOrDefault(new HouseholdId(n.household()), ""),
                    "/households/" + n.household());
              }
              return new NeedRow(n, "", "");
            })
        .toList();
  }

  private static Map<String, String> values(NeedView need) {
    Map<String, String> values = new HashMap<>();
    values.put("status", need.status().name());
    values.put("severity", need.severity().name());
    values.put("followUpBy", need.followUpBy());
    values.put("version", String.valueOf(need.version()));
    return values;
  }

  private static HistoryRow history(NeedEvent event) {
    return new HistoryRow(
        event.status(),
        event.severity(),
        event.followUpBy(),
        event.recordedBy(),
        event.recordedAt() == null ? null : event.recordedAt().toInstant());
  }

  private boolean mayWrite(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, NeedAction.NEED_WRITE, actor.organisation());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
