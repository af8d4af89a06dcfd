package org.sahay.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.internal.LivelihoodStore;
import org.sahay.funds.Expenses;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.relief.ItemId;
import org.sahay.relief.LocationId;
import org.sahay.relief.Stock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Temporary livelihoods (cooking food at home to sell, a fruit or vegetable stall, tailoring): the
 * start, the support given (cash as an expense already in the funds ledger, goods given from relief
 * stock in the same transaction), and how it stood over time with its monthly income band.
 */
@Service
public class Livelihoods {

  /** A livelihood as sent: the expense by id; goods as location, item and quantity. */
  public record Input(
      String member,
      String activity,
      String startedOn,
      String expense,
      LocationId location,
      ItemId item,
      BigDecimal quantity,
      String incomeBand) {}

  /** A status as sent. */
  public record StatusInput(String on, String status, String incomeBand) {}

  /** A livelihood with how it stood over time, the first first. */
  public record Livelihood(
      UUID id,
      MemberId member,
      String code,
      LivelihoodActivity activity,
      LocalDate startedOn,
      UUID expense,
      UUID goods,
      List<LivelihoodStore.Status> statuses) {}

  private final LivelihoodStore store;
  private final CareMembers members;
  private final Expenses expenses;
  private final Stock stock;
  private final AccessPolicy policy;
  private final Today today;

  Livelihoods(
      LivelihoodStore store,
      CareMembers members,
      Expenses expenses,
      Stock stock,
      AccessPolicy policy,
      Today today) {
    this.store = store;
    this.members = members;
    this.expenses = expenses;
    this.stock = stock;
    this.policy = policy;
    this.today = today;
  }

  @Transactional
  public CareOutcome<Livelihood> record(Actor by, Input input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    LivelihoodActivity activity =
        LoanTerms.kind(LivelihoodActivity.class, input.activity(), "activity", errors);
    LocalDate on = CareChecks.date(input.startedOn(), "startedOn", today.at(own), errors);
    IncomeBand band =
        input.incomeBand() == null || input.incomeBand().isBlank()
            ? IncomeBand.NONE
            : LoanTerms.kind(IncomeBand.class, input.incomeBand(), "incomeBand", errors);
    UUID expense = null;
    if (input.expense() != null && !input.expense().isBlank()) {
      try {
        expense = UUID.fromString(input.expense().strip());
      } catch (IllegalArgumentException e) {
        expense = null;
      }
      if (expense == null || !expenses.isStanding(own, expense)) {
        errors.put("expense", "livelihood.expense.unknown");
      }
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    UUID goods = null;
    if (input.item() != null || input.location() != null) {
      var given = stock.issue(by, input.location(), input.item(), input.quantity(), id);
      if (given instanceof Stock.Outcome.Invalid invalid) {
        return new CareOutcome.Invalid<>(invalid.errors());
      }
      if (given instanceof Stock.Outcome.Short) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new CareOutcome.Invalid<>(Map.of("quantity", "health.stock.short"));
      }
      goods = id;
    }
    store.insert(
        own,
        new LivelihoodStore.Row(id, member, activity.name(), on, expense, goods),
        by.username());
    store.status(
        own,
        id,
        new LivelihoodStore.Status(on, LivelihoodStatus.STARTED.name(), band.name()),
        by.username());
    return new CareOutcome.Saved<>(get(by, own, id));
  }

  /** Records how a livelihood stands now (or on a day), with its income band. */
  @Transactional
  public CareOutcome<Livelihood> status(Actor by, UUID id, StatusInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    if (!store.exists(own, id)) {
      throw new NotFoundException();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate on = CareChecks.date(input.on(), "on", today.at(own), errors);
    LivelihoodStatus status =
        LoanTerms.kind(LivelihoodStatus.class, input.status(), "status", errors);
    IncomeBand band = LoanTerms.kind(IncomeBand.class, input.incomeBand(), "incomeBand", errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    store.status(
        own, id, new LivelihoodStore.Status(on, status.name(), band.name()), by.username());
    return new CareOutcome.Saved<>(get(by, own, id));
  }

  /** The collective's livelihoods, or one member's; another collective's member is not found. */
  @Transactional(readOnly = true)
  public List<Livelihood> list(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    if (member != null && members.summary(by, member).isEmpty()) {
      throw new NotFoundException();
    }
    return store.all(own, member, null).stream().map(r -> view(by, own, r)).toList();
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private Livelihood get(Actor by, OrganisationId own, UUID id) {
    return store.all(own, null, id).stream()
        .findFirst()
        .map(r -> view(by, own, r))
        .orElseThrow(NotFoundException::new);
  }

  private Livelihood view(Actor by, OrganisationId own, LivelihoodStore.Row r) {
    return new Livelihood(
        r.id(),
        r.member(),
        members.summary(by, r.member()).map(s -> s.code()).orElse(""),
        LivelihoodActivity.valueOf(r.activity()),
        r.startedOn(),
        r.expense(),
        r.stockIssue(),
        store.statuses(own, r.id()));
  }
}
