package org.sahay.support.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.ExpenseCategory;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Ui;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.sahay.relief.ReliefAction;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.support.RequestStatus;
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportLineId;
import org.sahay.support.SupportLines;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequestId;
import org.sahay.support.SupportRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget lines of a draft, one form per line: what for, how much, and whom for, typed as member
 * codes (a household by the code of one of its members) or found by code, phone or name in the
 * collective's own registry. Finding re-shows the form with what was typed, without JavaScript.
 */
@Controller
class SupportLinePagesController {

  private static final int FOUND = 10;

  private final SupportRequests requests;
  private final SupportLines lines;
  private final Members members;
  private final Households households;

  private final ReliefCatalogue catalogue;
  private final AccessPolicy policy;

  SupportLinePagesController(
      SupportRequests requests,
      SupportLines lines,
      Members members,
      Households households,
      ReliefCatalogue catalogue,
      AccessPolicy policy) {
    this.catalogue = catalogue;
    this.policy = policy;
    this.requests = requests;
    this.lines = lines;
    this.members = members;
    this.households = households;
  }

  @GetMapping("/support/{id}/lines/new")
  String newLine(Actor actor, @PathVariable SupportRequestId id, Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("category", ExpenseCategory.CASH_RELIEF.name());
    return form(actor, draft(actor, id), null, model, FormState.of(values, Map.of()), List.of());
  }

  @GetMapping("/support/{id}/lines/{lineId}/edit")
  String edit(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      Model model) {
    SupportRequest request = draft(actor, id);
    SupportRequest.Line line = line(request, lineId);
    List<String> memberCodes = new ArrayList<>();
    List<String> householdCodes = new ArrayList<>();
    for (SupportLines.Payee p : lines.payees(actor, id)) {
      if (p.line().equals(lineId)) {
        if (p.household()) {
          householdCodes.add(p.code().replaceFirst("^HH:", ""));
        } else {
          memberCodes.add(p.code());
        }
      }
    }
    Map<String, String> values = new HashMap<>();
    values.put("category", line.category());
    values.put("description", line.description());
    values.put(
        "amount", org.sahay.platform.Money.ofPaise(line.amountPaise()).rupees().toPlainString());
    values.put("quantity", line.quantity() == null ? "" : line.quantity().toString());
    values.put("itemId", line.itemId() == null ? "" : line.itemId().toString());
    values.put("instalments", line.instalmentsAllowed() ? "on" : "");
    values.put("members", String.join(" ", memberCodes));
    values.put("households", String.join(" ", householdCodes));
    return form(actor, request, line, model, FormState.of(values, Map.of()), List.of());
  }

  /**
   * The line page's fields: what the line asks for, member codes typed or picked from a search,
   * household codes (of a member of the household), and the search itself. Codes become ids here;
   * everything else is parsed by the service, as for the API.
   */
  record LineForm(
      String action,
      String q,
      String category,
      String description,
      String amount,
      String quantity,
      String itemId,
      String instalments,
      String members,
      String households,
      List<String> pick,
      List<String> pickHousehold) {

    /** The codes typed and picked, once each. */
    LineForm merged() {
      return new LineForm(
          action,
          q,
          category,
          description,
          amount,
          quantity,
          itemId,
          instalments,
          join(members, pick),
          join(households, pickHousehold),
          null,
          null);
    }

    boolean finding() {
      return "find".equals(action);
    }
  }

  /** Finds members, or saves the line: a new one, or the one named in the path. */
  @PostMapping({"/support/{id}/lines", "/support/{id}/lines/{lineId}"})
  String save(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable(required = false) SupportLineId lineId,
      LineForm posted,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    LineForm form = posted.merged();
    SupportRequest request = draft(actor, id);
    SupportRequest.Line line = lineId == null ? null : line(request, lineId);
    if (form.finding()) {
      String q = form.q() == null ? "" : form.q().strip();
      List<MemberSummary> found =
          q.isEmpty() ? List.of() : members.search(actor, q, null, 0, FOUND);
      return form(actor, request, line, model, FormState.of(form, Map.of()), found);
    }
    Map<String, String> errors = new HashMap<>();
    SupportInputs.Line input = command(actor, form, model, errors);
    if (errors.isEmpty()) {
      var outcome =
          lineId == null ? lines.add(actor, id, input) : lines.change(actor, id, lineId, input);
      if (outcome instanceof SupportOutcome.Done<SupportLineId>) {
        redirect.addFlashAttribute("notice", "support.page.lineSaved");
        return "redirect:/support/" + id;
      }
      if (outcome instanceof SupportOutcome.Refused<SupportLineId> refused) {
        model.addAttribute("problem", Outcomes.text(ui, refused));
      }
      errors.putAll(Outcomes.errors(outcome));
    }
    return form(actor, request, line, model, FormState.of(form, errors), List.of());
  }

  /**
   * The line as the API takes it: member and household codes of the collective become ids (an
   * unknown code is named back); a quantity that is not a whole number is refused here, the only
   * field a number box sends as text.
   */
  private SupportInputs.Line command(
      Actor actor, LineForm form, Model model, Map<String, String> errors) {
    List<String> unknown = new ArrayList<>();
    List<String> memberIds = new ArrayList<>();
    for (String code : codes(form.members())) {
      MemberId member = member(actor, code);
      if (member == null) {
        unknown.add(code);
      } else {
        memberIds.add(member.value().toString());
      }
    }
    List<String> householdIds = new ArrayList<>();
    for (String code : codes(form.households())) {
      MemberId member = member(actor, code);
      var household = member == null ? null : households.ofMember(actor, member).orElse(null);
      if (household == null) {
        unknown.add(code);
      } else {
        householdIds.add(household.id().value().toString());
      }
    }
    if (!unknown.isEmpty()) {
      errors.put("members", "support.page.codes.unknown");
      model.addAttribute("unknown", String.join(", ", unknown));
    }
    Integer quantity = null;
    String typedQuantity = form.quantity() == null ? "" : form.quantity().strip();
    if (!typedQuantity.isEmpty()) {
      try {
        quantity = Integer.valueOf(typedQuantity);
      } catch (NumberFormatException e) {
        errors.put("quantity", "support.quantity.invalid");
      }
    }
    return new SupportInputs.Line(
        form.category(),
        form.description(),
        null,
        form.amount(),
        quantity,
        "on".equals(form.instalments()),
        memberIds,
        householdIds,
        form.itemId() == null || form.itemId().isBlank() ? null : form.itemId().strip());
  }

  @PostMapping("/support/{id}/lines/{lineId}/remove")
  String remove(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      RedirectAttributes redirect) {
    var outcome = lines.remove(actor, id, lineId);
    redirect.addFlashAttribute(
        "notice",
        outcome instanceof SupportOutcome.Done<SupportLineId>
            ? "support.page.lineRemoved"
            : "support.notDraft.edit.short");
    return "redirect:/support/" + id;
  }

  private String form(
      Actor actor,
      SupportRequest request,
      SupportRequest.Line line,
      Model model,
      FormState form,
      List<MemberSummary> found) {
    model.addAttribute("request", request);
    model.addAttribute("line", line);
    model.addAttribute("categories", ExpenseCategory.values());
    // Goods can be asked for from the collective's relief catalogue, for those who keep it.
    model.addAttribute(
        "items",
        actor.organisation() != null
                && policy.permits(actor, ReliefAction.RELIEF_READ, actor.organisation())
            ? catalogue.items(actor)
            : List.of());
    model.addAttribute("form", form);
    model.addAttribute("found", found);
    for (String attribute : List.of("unknown", "problem", "notice")) {
      if (!model.containsAttribute(attribute)) {
        model.addAttribute(attribute, null);
      }
    }
    return "support/line";
  }

  /** A draft of the actor's own collective; anything else does not exist for this page. */
  private SupportRequest draft(Actor actor, SupportRequestId id) {
    SupportRequest request = requests.get(actor, id);
    if (!request.organisation().equals(actor.organisation())
        || request.status() != RequestStatus.DRAFT) {
      throw new NotFoundException();
    }
    return request;
  }

  private static SupportRequest.Line line(SupportRequest request, SupportLineId lineId) {
    return request.lines().stream()
        .filter(l -> l.id().equals(lineId))
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  /** The member of the actor's collective with this code, or null. */
  private MemberId member(Actor actor, String code) {
    return members.byCode(actor, code).orElse(null);
  }

  /** The typed codes with the ones ticked in the search results added. */
  private static String join(String typed, List<String> picked) {
    Set<String> all = new LinkedHashSet<>(codes(typed));
    if (picked != null) {
      picked.forEach(p -> all.addAll(codes(p)));
    }
    return String.join(" ", all);
  }

  private static List<String> codes(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (String part : text.strip().split("[\\s,;]+")) {
      if (!part.isEmpty()) {
        codes.add(part.toUpperCase(Locale.ROOT));
      }
    }
    return List.copyOf(new LinkedHashSet<>(codes));
  }
}
