package org.sahay.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.Expense;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.Ledger;
import org.sahay.needs.MetBy;
import org.sahay.needs.NeedId;
import org.sahay.needs.NeedsMet;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.ItemId;
import org.sahay.support.internal.PaymentStore;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash paid against the approved lines of a support request, their reversals, and the
 * reconciliation of what was approved, paid and delivered against who still waits. The request and
 * the line decide ({@link SupportRequest#disburse()}, {@link BudgetLine}); this service loads and
 * locks what they need, asks, and writes only when they allow it.
 */
@Service
public class SupportPayments {

  /** Per line: approved, paid (reversals deducted), remaining, and who still waits. */
  public record Reconciliation(
      SupportRequestId request, RequestStatus status, List<LineBalance> lines) {}

  /**
   * A line's balance: money approved, paid and left, and who still waits; for a goods line also the
   * item, the quantity approved, delivered by the funder and handed over to the line's people (null
   * for a money line), who then wait until a hand-over of the item reaches them.
   */
  public record LineBalance(
      SupportLineId line,
      int number,
      String description,
      long approvedPaise,
      long disbursedPaise,
      long remainingPaise,
      List<String> waiting,
      ItemId item,
      Integer approvedQuantity,
      Integer deliveredQuantity,
      BigDecimal handedOver) {}

  /** A disbursement as recorded: never the recipient's name. */
  public record Paid(
      DisbursementId id,
      SupportLineId line,
      String recipient,
      long amountPaise,
      PaymentMode mode,
      LocalDate paidOn,
      JournalEntryId journalEntry,
      String recordedBy,
      boolean reversed) {}

  /** A payment as asked for, each field parsed. */
  private record Asked(
      SupportLineId line,
      Beneficiary recipient,
      Money amount,
      PaymentMode mode,
      List<NeedId> meets,
      LocalDate paidOn) {}

  private final SupportRequests requests;
  private final SupportStore store;
  private final PaymentStore paymentStore;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final LineChecks checks;
  private final Expenses expenses;
  private final Ledger ledger;
  private final NeedsMet needs;
  private final Today today;
  private final Reconciler reconciler;

  SupportPayments(
      PaymentStore paymentStore,
      SupportRequests requests,
      SupportStore store,
      AccessPolicy policy,
      AuditLog audit,
      LineChecks checks,
      Expenses expenses,
      Ledger ledger,
      NeedsMet needs,
      Today today,
      Reconciler reconciler) {
    this.requests = requests;
    this.store = store;
    this.paymentStore = paymentStore;
    this.policy = policy;
    this.audit = audit;
    this.checks = checks;
    this.expenses = expenses;
    this.ledger = ledger;
    this.needs = needs;
    this.today = today;
    this.reconciler = reconciler;
  }

  /**
   * Pays cash against an approved line to one of its recipients, and posts it as an expense of the
   * request's grant fund in the same transaction. Never more than the line's approved amount; never
   * twice for one person and line unless the line allows instalments; two payments racing for the
   * last rupees queue on the line's row, so only what is allowed goes through.
   */
  @Transactional
  public SupportOutcome<Paid> disburse(
      Actor by, SupportRequestId requestId, SupportInputs.Disbursement in) {
    SupportStore.Request r = store.lockRequest(requestId).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    if (SupportRequest.disburse(r.status()) instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Asked asked = parse(r, in, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    SupportStore.Line line =
        store.lockLine(asked.line()).filter(l -> l.request().equals(requestId)).orElse(null);
    if (line == null) {
      return new SupportOutcome.Invalid<>(Map.of("lineId", "support.line.unknown"));
    }
    SupportOutcome<Paid> refused = refusal(by, r, line, asked);
    if (refused != null) {
      return refused;
    }
    // Cash comes out of cash in hand; a UPI or bank transfer out of the bank: the one account the
    // collective has, or the one named. Never cash for a transfer, which would let cash in hand
    // go below zero or a bank balance stay too high.
    String account = in.accountId();
    if ((account == null || account.isBlank()) && asked.mode().fromBank()) {
      var sole = ledger.soleBankAccount(r.organisation());
      if (sole.isEmpty()) {
        return new SupportOutcome.Invalid<>(Map.of("accountId", "support.account.required"));
      }
      account = sole.get().toString();
    }
    // The books decide before anything of the payment is written: a refusal leaves nothing.
    var expense = expense(by, r, line, asked, account, in.reference());
    if (expense instanceof FundsOutcome.Invalid<Expense> invalid) {
      return new SupportOutcome.Invalid<>(invalid.errors());
    }
    if (expense instanceof FundsOutcome.Refused<Expense> no) {
      return new SupportOutcome.Refused<>(
          SupportRefusal.ofFunds(no.refusal()),
          no.remaining() == null ? Money.ZERO : no.remaining(),
          asked.amount());
    }
    DisbursementId id =
        record(by, r, line, asked, in.reference(), ((FundsOutcome.Done<Expense>) expense).value());
    return new SupportOutcome.Done<>(paid(paymentStore.disbursement(id).orElseThrow()));
  }

  /**
   * What the line and the needs say against the payment, or null when they allow it. The line's row
   * is locked: no other payment on it can claim between this look and the claim.
   */
  private SupportOutcome<Paid> refusal(
      Actor by, SupportStore.Request r, SupportStore.Line line, Asked asked) {
    BudgetLine.Payment decision =
        BudgetLine.of(line, x -> paymentStore.claimOf(line.id(), x))
            .pay(asked.recipient(), asked.amount());
    if (decision instanceof BudgetLine.Payment.GoodsNotPaid) {
      return new SupportOutcome.Invalid<>(Map.of("lineId", "support.line.goodsNotPaid"));
    }
    if (decision instanceof BudgetLine.Payment.NotOnLine) {
      return new SupportOutcome.Invalid<>(Map.of("recipient", "support.recipient.notOnLine"));
    }
    // Only open needs of the person or household paid: never another's, a met one or a made-up id.
    if (!asked.meets().isEmpty()
        && !needs.allOpenOf(by, r.organisation(), asked.meets(), asked.recipient())) {
      return new SupportOutcome.Invalid<>(Map.of("meetsNeeds", "support.needs.notOpen"));
    }
    if (decision instanceof BudgetLine.Payment.OverApproved over) {
      return new SupportOutcome.Refused<>(
          SupportRefusal.OVER_APPROVED, over.left(), asked.amount());
    }
    if (decision instanceof BudgetLine.Payment.AlreadyPaid already) {
      return new SupportOutcome.Refused<>(
          SupportRefusal.PAID_ALREADY,
          List.of(),
          paid(paymentStore.disbursement(already.earlier()).orElseThrow()));
    }
    return null;
  }

  /** The payment as an expense of the request's grant fund, under the recipient's code only. */
  private FundsOutcome<Expense> expense(
      Actor by,
      SupportStore.Request r,
      SupportStore.Line line,
      Asked asked,
      String account,
      String reference) {
    String code = checks.codes(r.organisation(), List.of(asked.recipient())).get(0);
    return expenses.recordOnBehalf(
        r.organisation(),
        by.username(),
        new ExpenseInput(
            r.fundId().toString(),
            account,
            line.category(),
            code,
            asked.amount().paise(),
            null,
            asked.paidOn().toString(),
            "Support: " + line.description(),
            1,
            reference));
  }

  /** Writes the payment the line, the needs and the books allowed, and what it met. */
  private DisbursementId record(
      Actor by,
      SupportStore.Request r,
      SupportStore.Line line,
      Asked asked,
      String reference,
      Expense spent) {
    DisbursementId id = new DisbursementId(Ids.newId());
    if (!line.instalmentsAllowed()) {
      paymentStore.claim(line.id(), asked.recipient(), id);
    }
    store.addDisbursed(line.id(), asked.amount().paise());
    paymentStore.insertDisbursement(
        new PaymentStore.Disbursement(
            id,
            r.organisation(),
            r.id(),
            line.id(),
            asked.recipient(),
            asked.amount().paise(),
            asked.mode(),
            reference,
            asked.paidOn(),
            spent.id(),
            spent.journalEntryId(),
            by.username(),
            null,
            null));
    if (r.status() != RequestStatus.DISBURSING) {
      store.setStatus(r.id(), r.version(), RequestStatus.DISBURSING, by.username());
    }
    if (!asked.meets().isEmpty()) {
      needs.meet(by, r.organisation(), asked.meets(), MetBy.payment(id.value()));
    }
    audited(
        by,
        r,
        "DISBURSEMENT_RECORDED",
        "line "
            + line.number()
            + ", "
            + asked.amount().paise()
            + " paise, "
            + asked.mode()
            + ", disbursement "
            + id);
    return id;
  }

  /** Corrects a payment by reversing its journal entry, with a reason; the row stays. */
  @Transactional
  public SupportOutcome<Paid> reverse(Actor by, DisbursementId disbursementId, String reason) {
    PaymentStore.Disbursement found =
        paymentStore.disbursement(disbursementId).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_REQUEST, found.organisation());
    Map<String, String> errors = new HashMap<>();
    String why = LineChecks.text(reason, 500, "reason", true, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    // Reversals of one line queue on its row; read again under the lock.
    store.lockLine(found.line());
    PaymentStore.Disbursement d = paymentStore.disbursement(disbursementId).orElseThrow();
    if (d.reversedAt() != null) {
      return new SupportOutcome.Refused<>(SupportRefusal.REVERSED_ALREADY);
    }
    var reversed = ledger.reverseOnBehalf(d.organisation(), by.username(), d.journalEntry(), why);
    if (reversed instanceof FundsOutcome.Refused<?> no) {
      return new SupportOutcome.Refused<>(SupportRefusal.ofFunds(no.refusal()));
    }
    if (!(reversed instanceof FundsOutcome.Done<?>)) {
      // The books wrote nothing; neither does the payment.
      return new SupportOutcome.Refused<>(SupportRefusal.REVERSED_ALREADY);
    }
    paymentStore.markReversed(disbursementId, by.username(), why);
    store.addDisbursed(d.line(), -d.amountPaise());
    paymentStore.releaseClaim(disbursementId);
    // The needs it met are open again (or being met, as they were), unless changed since.
    needs.reopen(by, d.organisation(), MetBy.payment(disbursementId.value()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            d.organisation(),
            "DISBURSEMENT_REVERSED",
            "support_request",
            d.request().toString(),
            "disbursement " + disbursementId));
    return new SupportOutcome.Done<>(paid(paymentStore.disbursement(disbursementId).orElseThrow()));
  }

  @Transactional(readOnly = true)
  public List<Paid> disbursements(Actor by, SupportRequestId requestId) {
    requests.readable(by, requestId);
    return paymentStore.disbursements(requestId).stream().map(this::paid).toList();
  }

  /** Approved versus paid versus remaining per line, and who still waits. */
  @Transactional(readOnly = true)
  public Reconciliation reconciliation(Actor by, SupportRequestId requestId) {
    return reconciler.of(requests.readable(by, requestId));
  }

  /** The reconciliation as handed over in a file: the export lands in the audit log. */
  @Transactional
  public Reconciliation reconciliationExport(Actor by, SupportRequestId requestId) {
    SupportStore.Request r = requests.readable(by, requestId);
    Reconciliation reconciliation = reconciler.of(r);
    audited(by, r, "SUPPORT_RECONCILIATION_EXPORTED", reconciliation.lines().size() + " lines");
    return reconciliation;
  }

  /** Each field of a payment parsed once, with an error under its name where it is wrong. */
  private Asked parse(
      SupportStore.Request r, SupportInputs.Disbursement in, Map<String, String> errors) {
    SupportLineId line = null;
    try {
      line = SupportLineId.of(String.valueOf(in.lineId()));
    } catch (IllegalArgumentException e) {
      errors.put("lineId", "support.line.unknown");
    }
    Beneficiary recipient = Beneficiary.of(in.memberId(), in.householdId()).orElse(null);
    if (recipient == null) {
      errors.put("recipient", "support.recipient.invalid");
    }
    Money amount = LineChecks.amount(in.amountPaise(), in.amount(), "amount", errors);
    if (amount != null && amount.isZero()) {
      errors.put("amount", "support.amount.invalid");
    }
    PaymentMode mode = PaymentMode.parse(in.mode()).orElse(null);
    if (mode == null) {
      errors.put("mode", "support.mode.invalid");
    }
    List<NeedId> meets = new ArrayList<>();
    for (String need : in.meetsNeeds() == null ? List.<String>of() : in.meetsNeeds()) {
      try {
        meets.add(NeedId.of(String.valueOf(need)));
      } catch (IllegalArgumentException e) {
        errors.put("meetsNeeds", "support.needs.notOpen");
      }
    }
    LocalDate paidOn = null;
    try {
      paidOn =
          in.paidOn() == null ? today.at(r.organisation()) : LocalDate.parse(in.paidOn().strip());
    } catch (DateTimeParseException e) {
      errors.put("paidOn", "support.paidOn.invalid");
    }
    return new Asked(line, recipient, amount, mode, meets, paidOn);
  }

  private void audited(Actor by, SupportStore.Request r, String action, String detail) {
    audit.record(
        new AuditLog.Event(
            by.username(), r.organisation(), action, "support_request", r.id().toString(), detail));
  }

  private Paid paid(PaymentStore.Disbursement d) {
    return new Paid(
        d.id(),
        d.line(),
        checks.codes(d.organisation(), List.of(d.recipient())).get(0),
        d.amountPaise(),
        d.mode(),
        d.paidOn(),
        d.journalEntry(),
        d.recordedBy(),
        d.reversedAt() != null);
  }
}
