package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.platform.Money;
import org.sahay.platform.Problems;
import org.sahay.registry.ErasureReason;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.HouseholdInput;
import org.sahay.registry.HouseholdSummary;
import org.sahay.registry.Households;
import org.sahay.registry.IncomeSource;
import org.sahay.registry.MemberId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Households as JSON. Amounts are answered both in paise and as rupees (2500.00); a change needs
 * the version last read (a stale one gets 409).
 */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdApiController {

  /** A household as the API shows it. */
  record Body(
      HouseholdId id,
      String housing,
      Long monthlyRentPaise,
      String monthlyRent,
      Long electricityArrearsPaise,
      String electricityArrears,
      List<IncomeSource> incomeSources,
      String village,
      String district,
      MemberId headMemberId,
      List<Household.Person> members,
      List<Household.Dependent> dependents,
      int version) {

    static Body of(Household h) {
      return new Body(
          h.id(),
          h.housing().name(),
          paise(h.monthlyRent()),
          rupees(h.monthlyRent()),
          paise(h.electricityArrears()),
          rupees(h.electricityArrears()),
          h.incomeSources(),
          h.village(),
          h.district(),
          h.head(),
          h.members(),
          h.dependents(),
          h.version());
    }

    private static Long paise(Money money) {
      return money == null ? null : money.paise();
    }

    private static String rupees(Money money) {
      return money == null ? null : money.rupees().toPlainString();
    }
  }

  private final Households households;
  private final Problems problems;

  HouseholdApiController(Households households, Problems problems) {
    this.households = households;
    this.problems = problems;
  }

  @PostMapping
  ResponseEntity<?> create(
      Actor actor, @RequestBody HouseholdInput input, HttpServletRequest request) {
    return answer(households.create(actor, input), request, true);
  }

  @GetMapping("/{id}")
  Body get(Actor actor, @PathVariable HouseholdId id) {
    return Body.of(households.get(actor, id));
  }

  /** A search, posted: a name or phone typed stays out of addresses and access logs. */
  record Search(String q, Integer page, Integer size) {}

  @PostMapping("/search")
  List<HouseholdSummary> search(Actor actor, @RequestBody Search search) {
    return households.search(
        actor,
        search.q(),
        search.page() == null ? 0 : search.page(),
        search.size() == null ? 50 : search.size());
  }

  /** Erases the household (organisation admins); its members stay members. */
  @DeleteMapping("/{id}")
  ResponseEntity<?> erase(
      Actor actor,
      @PathVariable HouseholdId id,
      @RequestParam(required = false) String reason,
      HttpServletRequest request) {
    ErasureReason why;
    try {
      why = ErasureReason.valueOf(String.valueOf(reason));
    } catch (IllegalArgumentException e) {
      return problems.invalid(
          Map.of("reason", "member.erase.reason"), RequestContextUtils.getLocale(request));
    }
    households.erase(actor, id, why);
    return ResponseEntity.noContent().build();
  }

  /** PATCH: the fields sent replace the stored ones; fields left out keep their values. */
  @PatchMapping("/{id}")
  ResponseEntity<?> patch(
      Actor actor,
      @PathVariable HouseholdId id,
      @RequestBody HouseholdInput input,
      HttpServletRequest request) {
    Household current = households.get(actor, id);
    return answer(
        households.update(actor, id, HouseholdPatch.merge(current, input)), request, false);
  }

  private ResponseEntity<?> answer(
      Households.Outcome outcome, HttpServletRequest request, boolean created) {
    if (outcome instanceof Households.Outcome.Saved saved) {
      Body body = Body.of(saved.household());
      return created
          ? ResponseEntity.created(URI.create("/api/v1/households/" + body.id())).body(body)
          : ResponseEntity.ok(body);
    }
    var locale = RequestContextUtils.getLocale(request);
    if (outcome instanceof Households.Outcome.Stale stale) {
      var problem = problems.of(HttpStatus.CONFLICT, "household.stale", locale);
      problem.setProperty("currentVersion", stale.currentVersion());
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return problems.invalid(((Households.Outcome.Invalid) outcome).errors(), locale);
  }
}
