package org.sahay.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.care.internal.LoanStore;
import org.sahay.care.internal.SealedStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members' informal debts, for those who may read them (counsellors, admins, and users granted
 * {@link CareAction#DEBT}): each loan sealed under the member's key, flagged exploitative above a
 * monthly rate ({@code sahay.care.exploitative-monthly-rate}, 5% by default) or with any sign of
 * bondage; repayments; the way out. Every read is audited; others learn counts only.
 */
@Service
public class Loans {

  /** A loan as sent: amounts in rupees, the interest as a percent for its period. */
  public record LoanInput(
      String member,
      String lender,
      String principal,
      String interestPercent,
      String interestPeriod,
      String startedOn,
      String collateral,
      Boolean workingToRepay,
      Boolean documentsHeld,
      String wayOut,
      String notes) {}

  /** A change: the way out, whether it is still open, and the version read. */
  public record Change(String wayOut, Boolean open, Integer version) {}

  /** A repayment as sent: rupees, yyyy-mm-dd (today when blank). */
  public record RepaymentInput(String amount, String paidOn) {}

  /** An open loan in the collective's list, with the member's code. */
  public record Line(String code, Loan loan) {}

  /** Open loans and those flagged, as counts. */
  public record Counts(boolean exact, SmallCount open, SmallCount flagged) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIELD = "loan";
  private static final String REPAYMENT = "loan-repayment";

  private final LoanStore store;
  private final CareMembers members;
  private final Members registry;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;
  private final BigDecimal threshold;
  private final AuditedReads<Loan> reads;

  Loans(
      LoanStore store,
      CareMembers members,
      Members registry,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today,
      @Value("${sahay.care.exploitative-monthly-rate:5}") BigDecimal threshold) {
    this.store = store;
    this.members = members;
    this.registry = registry;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
    this.threshold = threshold;
    this.reads =
        new AuditedReads<>(
            store, CareAction.DEBT, "LOAN", this::loan, members, registry, policy, audit);
  }

  @Transactional
  public CareOutcome<Loan> record(Actor by, LoanInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.DEBT);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    LoanTerms terms = LoanTerms.read(input, today.at(own), errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    store.insert(own, id, member, seal(member, terms), by.username());
    audit.record(event(by, own, "LOAN_RECORDED", member));
    return new CareOutcome.Saved<>(loan(own, store.find(own, id).orElseThrow()));
  }

  /** Changes the way out or closes the loan. */
  @Transactional
  public CareOutcome<Loan> change(Actor by, UUID id, Change change) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.DEBT);
    SealedStore.Row row = store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    LoanTerms terms = open(row);
    WayOut way =
        change.wayOut() == null || change.wayOut().isBlank()
            ? terms.wayOut()
            : LoanTerms.kind(WayOut.class, change.wayOut(), "wayOut", errors);
    if (change.version() == null) {
      errors.put("version", "care.version.required");
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    boolean stillOpen = change.open() == null ? row.open() : change.open();
    if (!store.update(own, id, change.version(), seal(row.member(), terms.with(way)), stillOpen)) {
      return new CareOutcome.Conflict<>("care.stale");
    }
    audit.record(event(by, own, "LOAN_CHANGED", row.member()));
    return new CareOutcome.Saved<>(loan(own, store.find(own, id).orElseThrow()));
  }

  @Transactional
  public CareOutcome<Loan> repay(Actor by, UUID id, RepaymentInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.DEBT);
    SealedStore.Row row = store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    BigDecimal amount =
        LoanTerms.amount(input.amount(), new BigDecimal("100000000"), "amount", errors);
    if (amount != null && amount.signum() == 0) {
      errors.put("amount", "loan.amount.invalid");
    }
    LocalDate on = CareChecks.date(input.paidOn(), "paidOn", today.at(own), errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    Map<String, String> paid = Map.of("amount", amount.toPlainString(), "paidOn", on.toString());
    store.add(
        own,
        id,
        Ids.newId(),
        vault.encrypt(row.member().value(), REPAYMENT, JSON.writeValueAsString(paid)),
        by.username());
    audit.record(event(by, own, "LOAN_REPAID", row.member()));
    return new CareOutcome.Saved<>(loan(own, row));
  }

  /** One loan, opened; the read is audited. */
  @Transactional
  public Loan get(Actor by, UUID id) {
    return reads.get(by, id);
  }

  /** A member's loans, opened; the read is audited. Another collective's member is not found. */
  @Transactional
  public List<Loan> ofMember(Actor by, MemberId member) {
    return reads.ofMember(by, member);
  }

  /** The collective's open loans, flagged ones first; the read is audited. */
  @Transactional
  public List<Line> open(Actor by) {
    return reads.open(by).stream()
        .map(c -> new Line(c.code(), c.record()))
        .sorted(java.util.Comparator.comparing((Line l) -> !l.loan().exploitative()))
        .toList();
  }

  /** How many loans are open and flagged in a collective: counts only, small ones suppressed. */
  @Transactional(readOnly = true)
  public Counts counts(Actor by, OrganisationId collective) {
    policy.require(by, CareAction.CARE_COUNTS, collective);
    boolean exact = collective.equals(by.organisation());
    List<SealedStore.Row> open = store.open(collective);
    long flagged = open.stream().filter(r -> !open(r).flagged(threshold).isEmpty()).count();
    return new Counts(
        exact,
        exact ? new SmallCount((long) open.size(), false) : SmallCount.of(open.size()),
        exact ? new SmallCount(flagged, false) : SmallCount.of(flagged));
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private Loan loan(OrganisationId own, SealedStore.Row row) {
    LoanTerms t = open(row);
    List<Loan.Repayment> repayments =
        store.entries(own, row.id()).stream()
            .map(
                r -> {
                  Map<?, ?> paid =
                      vault
                          .decrypt(row.member().value(), REPAYMENT, r.sealed())
                          .map(json -> JSON.readValue(json, Map.class))
                          .orElse(Map.of());
                  return new Loan.Repayment(
                      r.id(),
                      new BigDecimal(String.valueOf(paid.get("amount"))),
                      LoanTerms.parse((String) paid.get("paidOn")));
                })
            .toList();
    return new Loan(
        row.id(),
        row.member(),
        t.lender(),
        t.principal(),
        t.interestPercent(),
        t.interestPeriod(),
        t.interestPeriod().monthly(t.interestPercent()),
        t.startedOn(),
        t.collateral(),
        t.workingToRepay(),
        t.documentsHeld(),
        t.wayOut(),
        t.notes(),
        row.open(),
        t.flagged(threshold),
        repayments,
        repayments.stream().map(Loan.Repayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
        row.version());
  }

  private byte[] seal(MemberId member, LoanTerms terms) {
    return vault.encrypt(member.value(), FIELD, JSON.writeValueAsString(terms));
  }

  private LoanTerms open(SealedStore.Row row) {
    return vault
        .decrypt(row.member().value(), FIELD, row.sealed())
        .map(json -> JSON.readValue(json, LoanTerms.class))
        .orElseThrow(NotFoundException::new);
  }

  private static AuditLog.Event event(
      Actor by, OrganisationId own, String action, MemberId member) {
    return AuditedReads.event(by, own, action, member);
  }
}
