package org.sahay.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.Ledger;
import org.sahay.needs.Needs;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.support.internal.SupportStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Support requests from a collective to a funder or mentor, their decisions, and the cash paid
 * against approved lines. Every call asks the access policy first; a funder sees the requests
 * addressed to it with member codes, never names.
 */
@Service
public class SupportRequests {

  /** Per line: approved, paid (reversals deducted), remaining, and who still waits. */
  public record Reconciliation(UUID request, RequestStatus status, List<LineBalance> lines) {}

  /**
   * A line's balance: money approved, paid and left, and who still waits; for a goods line also the
   * item, the quantity approved, delivered by the funder and handed over to the line's people (null
   * for a money line), who then wait until a hand-over of the item reaches them.
   */
  public record LineBalance(
      UUID line,
      int number,
      String description,
      long approvedPaise,
      long disbursedPaise,
      long remainingPaise,
      List<String> waiting,
      UUID item,
      Integer approvedQuantity,
      Integer deliveredQuantity,
      BigDecimal handedOver) {}

  /** A disbursement as recorded: never the recipient's name. */
  public record Paid(
      UUID id,
      UUID line,
      String recipient,
      long amountPaise,
      PaymentMode mode,
      LocalDate paidOn,
      UUID journalEntry,
      String recordedBy,
      boolean reversed) {}

  private final SupportStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final LineChecks checks;
  private final Organisations organisations;
  private final Grants grants;
  private final Expenses expenses;
  private final Ledger ledger;
  private final Needs needs;
  private final Today today;

  private final SupportGoods goods;

  SupportRequests(
      SupportStore store,
      AccessPolicy policy,
      AuditLog audit,
      LineChecks checks,
      Organisations organisations,
      Grants grants,
      Expenses expenses,
      Ledger ledger,
      Needs needs,
      Today today,
      SupportGoods goods) {
    this.goods = goods;
    this.today = today;
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.checks = checks;
    this.organisations = organisations;
    this.grants = grants;
    this.expenses = expenses;
    this.ledger = ledger;
    this.needs = needs;
  }

  /** Drafts a request of the actor's collective. */
  @Transactional
  public SupportOutcome<SupportRequest> create(Actor by, SupportInputs.Request input) {
    OrganisationId collective = own(by);
    policy.require(by, Action.SUPPORT_REQUEST, collective);
    Map<String, String> errors = new LinkedHashMap<>();
    OrganisationId to = null;
    try {
      to = new OrganisationId(UUID.fromString(String.valueOf(input.addressedTo())));
    } catch (IllegalArgumentException e) {
      errors.put("addressedTo", "support.addressedTo.invalid");
    }
    // Only a funder or mentor linked to the collective: the only ones who can see the request.
    OrganisationId asked = to;
    if (asked != null
        && java.util.stream.Stream.of(
                org.sahay.organisations.LinkKind.FUNDER_OF,
                org.sahay.organisations.LinkKind.MENTOR_OF)
            .flatMap(kind -> organisations.linkedTo(collective, kind).stream())
            .noneMatch(o -> o.id().equals(asked))) {
      errors.put("addressedTo", "support.addressedTo.invalid");
    }
    String title = LineChecks.text(input.title(), 200, "title", true, errors);
    String justification =
        LineChecks.text(input.justification(), 2000, "justification", false, errors);
    List<SupportInputs.Line> lines = input.lines() == null ? List.of() : input.lines();
    if (lines.size() > LineChecks.MAX_LINES) {
      errors.put("lines", "support.lines.invalid");
    }
    List<SupportStore.Line> checked = new ArrayList<>();
    UUID id = Ids.newId();
    for (int i = 0; i < lines.size() && i < LineChecks.MAX_LINES; i++) {
      SupportStore.Line line =
          checks.line(by, collective, id, null, i + 1, lines.get(i), "lines[" + i + "].", errors);
      if (line != null) {
        checked.add(line);
      }
    }
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.insertRequest(
        new SupportStore.Request(
            id,
            collective,
            to,
            title,
            justification,
            RequestStatus.DRAFT,
            null,
            null,
            0,
            by.username(),
            null));
    checked.forEach(l -> store.insertLine(collective, l));
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "SUPPORT_REQUESTED",
            "support_request",
            id.toString(),
            checked.size() + " lines to " + to));
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  /** Sends a draft to the funder or mentor it is addressed to. */
  @Transactional
  public SupportOutcome<SupportRequest> submit(Actor by, UUID id) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, Action.SUPPORT_REQUEST, r.organisation());
    if (r.status() != RequestStatus.DRAFT) {
      return refused("support.notDraft", r.status().name());
    }
    if (store.lines(id).isEmpty()) {
      return refused("support.lines.invalid");
    }
    store.setStatus(id, r.version(), RequestStatus.SUBMITTED, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_SUBMITTED",
            "support_request",
            id.toString(),
            r.addressedTo().toString()));
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  /**
   * Closes a request of the actor's collective: nothing more is paid against it (a payment already
   * made can still be reversed). A draft or a request not yet decided is withdrawn this way. The
   * request row is locked, and payments lock it too, so no payment slips in after the close.
   */
  @Transactional
  public SupportOutcome<SupportRequest> close(Actor by, UUID id) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, Action.SUPPORT_REQUEST, r.organisation());
    if (r.status() == RequestStatus.CLOSED) {
      return refused("support.closedAlready");
    }
    store.setStatus(id, r.version(), RequestStatus.CLOSED, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_CLOSED",
            "support_request",
            id.toString(),
            "was " + r.status()));
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  /**
   * The decision of the funder or mentor the request is addressed to, per line. Approval opens a
   * grant to the collective for the approved total, with its own restricted fund in the ledger; the
   * money enters that fund as the grant's instalments are received.
   */
  @Transactional
  public SupportOutcome<SupportRequest> decide(Actor by, UUID id, SupportInputs.Decision decision) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, Action.SUPPORT_VIEW, r.organisation());
    if (!r.addressedTo().equals(by.organisation())) {
      throw new AccessDeniedException("addressed to another organisation");
    }
    policy.require(by, Action.SUPPORT_DECIDE, r.organisation());
    if (r.status() != RequestStatus.SUBMITTED) {
      return refused("support.notSubmitted", r.status().name());
    }
    if (decision.version() != null && decision.version() != r.version()) {
      return refused("support.stale", r.version());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    List<SupportStore.Line> lines = store.lines(id);
    Map<UUID, SupportInputs.LineDecision> byLine = new HashMap<>();
    for (SupportInputs.LineDecision d :
        decision.lines() == null ? List.<SupportInputs.LineDecision>of() : decision.lines()) {
      try {
        byLine.put(UUID.fromString(String.valueOf(d.lineId())), d);
      } catch (IllegalArgumentException e) {
        errors.put("lines", "support.decision.lines");
      }
    }
    long total = 0;
    boolean all = true;
    boolean anyGoods = false;
    List<String> purposes = new ArrayList<>();
    Map<UUID, Long> approved = new LinkedHashMap<>();
    Map<UUID, Integer> approvedQuantities = new HashMap<>();
    for (SupportStore.Line line : lines) {
      SupportInputs.LineDecision d = byLine.get(line.id());
      String field = "lines[" + (line.number() - 1) + "].approved";
      if (d == null) {
        errors.put(field, "support.decision.missing");
        continue;
      }
      if (line.goods()) {
        // Goods: the funder decides how many, up to what was asked; no money moves.
        Integer quantity = d.approvedQuantity();
        String quantityField = "lines[" + (line.number() - 1) + "].approvedQuantity";
        if (quantity == null || quantity < 0) {
          errors.put(quantityField, "support.decision.quantity");
        } else if (quantity > line.quantity()) {
          errors.put(quantityField, "support.decision.tooMuch");
        } else {
          approvedQuantities.put(line.id(), quantity);
          approved.put(line.id(), 0L);
          anyGoods |= quantity > 0;
          all &= quantity.equals(line.quantity());
        }
        continue;
      }
      Money amount = LineChecks.amount(d.approvedPaise(), d.approved(), field, errors);
      if (amount == null) {
        continue;
      }
      if (amount.paise() > line.amountPaise()) {
        errors.put(field, "support.decision.tooMuch");
        continue;
      }
      approved.put(line.id(), amount.paise());
      total += amount.paise();
      all &= amount.paise() == line.amountPaise();
      if (amount.paise() > 0) {
        String purpose = line.description();
        purposes.add(purpose.length() > 90 ? purpose.substring(0, 90) : purpose);
      }
    }
    if (byLine.size() != lines.size()) {
      errors.putIfAbsent("lines", "support.decision.lines");
    }
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    for (SupportStore.Line line : lines) {
      SupportInputs.LineDecision d = byLine.get(line.id());
      String comment = d.comment() == null || d.comment().isBlank() ? null : d.comment().strip();
      if (comment != null && comment.length() > 500) {
        comment = comment.substring(0, 500);
      }
      store.decide(line.id(), approved.get(line.id()), approvedQuantities.get(line.id()), comment);
    }
    RequestStatus status =
        total == 0 && !anyGoods
            ? RequestStatus.REJECTED
            : all ? RequestStatus.APPROVED : RequestStatus.PARTLY_APPROVED;
    if (total > 0) {
      var grant =
          grants.createOnBehalf(
              r.organisation(),
              by.username(),
              new GrantInput(
                  r.addressedTo().toString(),
                  r.title(),
                  total,
                  null,
                  today.at(r.organisation()).toString(),
                  today.at(r.organisation()).plusYears(1).toString(),
                  purposes,
                  false));
      if (!(grant instanceof FundsOutcome.Done<org.sahay.funds.Grant> done)) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return refused("support.grant.refused");
      }
      store.setGrant(id, done.value().id().value(), done.value().fundId().value());
    }
    store.setStatus(id, r.version(), status, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_DECIDED",
            "support_request",
            id.toString(),
            status.name() + ", " + total + " paise"));
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  @Transactional
  public SupportOutcome<SupportRequest> comment(Actor by, UUID id, String body) {
    SupportStore.Request r = store.request(id).orElseThrow(NotFoundException::new);
    visible(by, r);
    policy.require(by, Action.SUPPORT_COMMENT, r.organisation());
    Map<String, String> errors = new HashMap<>();
    String text = LineChecks.text(body, 1000, "body", true, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.comment(id, by.organisation(), by.username(), text);
    return new SupportOutcome.Done<>(view(r));
  }

  @Transactional(readOnly = true)
  public SupportRequest get(Actor by, UUID id) {
    SupportStore.Request r = store.request(id).orElseThrow(NotFoundException::new);
    visible(by, r);
    return view(r);
  }

  /** The actor's collective's requests, or those addressed to the actor's organisation. */
  @Transactional(readOnly = true)
  public List<SupportRequest> list(Actor by) {
    OrganisationId own = own(by);
    List<SupportRequest> found = new ArrayList<>();
    if (policy.permits(by, Action.SUPPORT_REQUEST, own)) {
      store.requests(own, null).forEach(r -> found.add(view(r)));
    }
    for (SupportStore.Request r : store.requests(null, own)) {
      if (policy.permits(by, Action.SUPPORT_VIEW, r.organisation())) {
        found.add(view(r));
      }
    }
    // A mentor reads the requests of the collectives it mentors, whoever they are addressed to.
    for (var mentored : organisations.linkedFrom(own, org.sahay.organisations.LinkKind.MENTOR_OF)) {
      if (!policy.permits(by, Action.SUPPORT_VIEW, mentored.id())) {
        continue;
      }
      for (SupportStore.Request r : store.requests(mentored.id(), null)) {
        if (r.status() != RequestStatus.DRAFT && !r.addressedTo().equals(own)) {
          found.add(view(r));
        }
      }
    }
    return found;
  }

  /**
   * Pays cash against an approved line to one of its recipients, and posts it as an expense of the
   * request's grant fund in the same transaction. Never more than the line's approved amount; never
   * twice for one person and line unless the line allows instalments; two payments racing for the
   * last rupees queue on the line's row, so only what is allowed goes through.
   */
  @Transactional
  public SupportOutcome<Paid> disburse(Actor by, UUID requestId, SupportInputs.Disbursement in) {
    SupportStore.Request r = store.lockRequest(requestId).orElseThrow(NotFoundException::new);
    policy.require(by, Action.SUPPORT_REQUEST, r.organisation());
    if (r.status() != RequestStatus.APPROVED
        && r.status() != RequestStatus.PARTLY_APPROVED
        && r.status() != RequestStatus.DISBURSING) {
      return refused("support.notApproved", r.status().name());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    UUID lineId = null;
    try {
      lineId = UUID.fromString(String.valueOf(in.lineId()));
    } catch (IllegalArgumentException e) {
      errors.put("lineId", "support.line.unknown");
    }
    String recipient = null;
    try {
      if (in.memberId() != null && !in.memberId().isBlank()) {
        recipient = "m:" + MemberId.of(in.memberId()).value();
      } else if (in.householdId() != null && !in.householdId().isBlank()) {
        recipient = "h:" + HouseholdId.of(in.householdId()).value();
      }
    } catch (IllegalArgumentException e) {
      recipient = null;
    }
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
    List<UUID> meets = new ArrayList<>();
    for (String need : in.meetsNeeds() == null ? List.<String>of() : in.meetsNeeds()) {
      try {
        meets.add(UUID.fromString(String.valueOf(need).strip()));
      } catch (IllegalArgumentException e) {
        errors.put("meetsNeeds", "support.needs.notOpen");
      }
    }
    LocalDate paidOn = null;
    try {
      paidOn =
          in.paidOn() == null ? today.at(r.organisation()) : LocalDate.parse(in.paidOn().strip());
    } catch (java.time.format.DateTimeParseException e) {
      errors.put("paidOn", "support.paidOn.invalid");
    }
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    SupportStore.Line line = store.lockLine(lineId).orElse(null);
    if (line == null || !line.request().equals(requestId)) {
      return new SupportOutcome.Invalid<>(Map.of("lineId", "support.line.unknown"));
    }
    // The line decides (its row is locked: no other payment on it can claim between look and
    // claim); nothing is written unless it allows the payment.
    BudgetLine.Payment decision =
        BudgetLine.of(line, x -> store.claimOf(line.id(), x)).pay(recipient, amount);
    if (decision instanceof BudgetLine.Payment.GoodsNotPaid) {
      return new SupportOutcome.Invalid<>(Map.of("lineId", "support.line.goodsNotPaid"));
    }
    if (decision instanceof BudgetLine.Payment.NotOnLine) {
      return new SupportOutcome.Invalid<>(Map.of("recipient", "support.recipient.notOnLine"));
    }
    // Only open needs of the person or household paid: never another's, a met one or a made-up id.
    if (!meets.isEmpty()
        && !needs.allOpenOf(
            by,
            r.organisation(),
            meets,
            recipient.startsWith("m:") ? UUID.fromString(recipient.substring(2)) : null,
            recipient.startsWith("h:") ? UUID.fromString(recipient.substring(2)) : null)) {
      return new SupportOutcome.Invalid<>(Map.of("meetsNeeds", "support.needs.notOpen"));
    }
    if (decision instanceof BudgetLine.Payment.OverApproved over) {
      return refused("support.overApproved", over.left(), amount);
    }
    if (decision instanceof BudgetLine.Payment.AlreadyPaid already) {
      return new SupportOutcome.Refused<>(
          "support.paidAlready",
          List.of(),
          paid(store.disbursement(already.earlier()).orElseThrow()));
    }
    // Cash comes out of cash in hand; a UPI or bank transfer out of the bank: the one account the
    // collective has, or the one named. Never cash for a transfer, which would let cash in hand
    // go below zero or a bank balance stay too high.
    String account = in.accountId();
    if ((account == null || account.isBlank()) && mode.fromBank()) {
      var sole = ledger.soleBankAccount(r.organisation());
      if (sole.isEmpty()) {
        return new SupportOutcome.Invalid<>(Map.of("accountId", "support.account.required"));
      }
      account = sole.get().toString();
    }
    UUID id = Ids.newId();
    if (!line.instalmentsAllowed()) {
      store.claim(line.id(), recipient, id);
    }
    String code = checks.codes(r.organisation(), List.of(recipient)).get(0);
    var expense =
        expenses.recordOnBehalf(
            r.organisation(),
            by.username(),
            new ExpenseInput(
                r.fundId().toString(),
                account,
                line.category(),
                code,
                amount.paise(),
                null,
                paidOn.toString(),
                "Support: " + line.description(),
                1,
                in.reference()));
    if (expense instanceof FundsOutcome.Invalid<org.sahay.funds.Expense> invalid) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new SupportOutcome.Invalid<>(invalid.errors());
    }
    if (expense instanceof FundsOutcome.Refused<org.sahay.funds.Expense> no) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return refused(
          "support.fund." + no.refusal().name(),
          no.remaining() == null ? Money.ZERO : no.remaining(),
          amount);
    }
    var done = (FundsOutcome.Done<org.sahay.funds.Expense>) expense;
    store.addDisbursed(line.id(), amount.paise());
    store.insertDisbursement(
        new SupportStore.Disbursement(
            id,
            r.organisation(),
            requestId,
            line.id(),
            recipient,
            amount.paise(),
            mode,
            in.reference(),
            paidOn,
            done.value().id().value(),
            done.value().journalEntryId().value(),
            by.username(),
            null,
            null));
    if (r.status() != RequestStatus.DISBURSING) {
      store.setStatus(requestId, r.version(), RequestStatus.DISBURSING, by.username());
    }
    if (!meets.isEmpty()) {
      store.insertNeedsMet(id, r.organisation(), needs.meet(by, r.organisation(), meets));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "DISBURSEMENT_RECORDED",
            "support_request",
            requestId.toString(),
            "line "
                + line.number()
                + ", "
                + amount.paise()
                + " paise, "
                + mode
                + ", disbursement "
                + id));
    return new SupportOutcome.Done<>(paid(store.disbursement(id).orElseThrow()));
  }

  /** Corrects a payment by reversing its journal entry, with a reason; the row stays. */
  @Transactional
  public SupportOutcome<Paid> reverse(Actor by, UUID disbursementId, String reason) {
    SupportStore.Disbursement d =
        store.disbursement(disbursementId).orElseThrow(NotFoundException::new);
    policy.require(by, Action.SUPPORT_REQUEST, d.organisation());
    Map<String, String> errors = new HashMap<>();
    String why = LineChecks.text(reason, 500, "reason", true, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.lockLine(d.line());
    if (!store.markReversed(disbursementId, by.username(), why)) {
      return refused("support.reversedAlready");
    }
    var reversed =
        ledger.reverseOnBehalf(
            d.organisation(), by.username(), new JournalEntryId(d.journalEntry()), why);
    if (!(reversed instanceof FundsOutcome.Done)) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return refused("support.reversedAlready");
    }
    store.addDisbursed(d.line(), -d.amountPaise());
    store.releaseClaim(disbursementId);
    // The needs it met are open again (or being met, as they were), unless changed since.
    needs.reopen(by, d.organisation(), store.needsMet(d.organisation(), disbursementId));
    audit.record(
        new AuditLog.Event(
            by.username(),
            d.organisation(),
            "DISBURSEMENT_REVERSED",
            "support_request",
            d.request().toString(),
            "disbursement " + disbursementId));
    return new SupportOutcome.Done<>(paid(store.disbursement(disbursementId).orElseThrow()));
  }

  @Transactional(readOnly = true)
  public List<Paid> disbursements(Actor by, UUID requestId) {
    SupportStore.Request r = store.request(requestId).orElseThrow(NotFoundException::new);
    visible(by, r);
    return store.disbursements(requestId).stream().map(this::paid).toList();
  }

  /** Approved versus paid versus remaining per line, and who still waits. */
  @Transactional(readOnly = true)
  public Reconciliation reconciliation(Actor by, UUID requestId) {
    SupportStore.Request r = store.request(requestId).orElseThrow(NotFoundException::new);
    visible(by, r);
    List<SupportStore.Disbursement> paid = store.disbursements(requestId);
    List<LineBalance> lines = new ArrayList<>();
    for (SupportStore.Line line : store.lines(requestId)) {
      if (line.goods()) {
        SupportGoods.Balance goods = this.goods.balance(r, line);
        lines.add(
            new LineBalance(
                line.id(),
                line.number(),
                line.description(),
                0,
                0,
                0,
                checks.codes(r.organisation(), goods.waiting()),
                goods.item(),
                goods.approved(),
                goods.delivered(),
                goods.handedOver()));
        continue;
      }
      Set<String> reached = new LinkedHashSet<>();
      for (SupportStore.Disbursement d : paid) {
        if (d.line().equals(line.id()) && d.reversedAt() == null) {
          reached.add(d.recipient());
        }
      }
      List<String> waiting = line.recipients().stream().filter(x -> !reached.contains(x)).toList();
      long approved = line.approvedPaise() == null ? 0 : line.approvedPaise();
      lines.add(
          new LineBalance(
              line.id(),
              line.number(),
              line.description(),
              approved,
              line.disbursedPaise(),
              approved - line.disbursedPaise(),
              checks.codes(r.organisation(), waiting),
              null,
              null,
              null,
              null));
    }
    return new Reconciliation(requestId, r.status(), lines);
  }

  /** The reconciliation as handed over in a file: the export lands in the audit log. */
  @Transactional
  public Reconciliation reconciliationExport(Actor by, UUID requestId) {
    Reconciliation reconciliation = reconciliation(by, requestId);
    SupportStore.Request r = store.request(requestId).orElseThrow();
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_RECONCILIATION_EXPORTED",
            "support_request",
            requestId.toString(),
            reconciliation.lines().size() + " lines"));
    return reconciliation;
  }

  /** The request when the actor may see it; 404 otherwise. */
  SupportStore.Request readable(Actor by, UUID id) {
    SupportStore.Request r = store.request(id).orElseThrow(NotFoundException::new);
    visible(by, r);
    return r;
  }

  private void visible(Actor by, SupportStore.Request r) {
    policy.require(by, Action.SUPPORT_VIEW, r.organisation());
    boolean own = r.organisation().equals(by.organisation());
    boolean addressed =
        r.addressedTo().equals(by.organisation()) && r.status() != RequestStatus.DRAFT;
    boolean mentoring =
        policy.relation(by, r.organisation()) == AccessPolicy.Relation.MENTORS
            && r.status() != RequestStatus.DRAFT;
    if (!own && !addressed && !mentoring) {
      throw new NotFoundException();
    }
  }

  private SupportRequest view(SupportStore.Request r) {
    List<SupportRequest.Line> lines = new ArrayList<>();
    for (SupportStore.Line l : store.lines(r.id())) {
      lines.add(
          new SupportRequest.Line(
              l.id(),
              l.number(),
              l.category(),
              l.description(),
              l.amountPaise(),
              l.quantity(),
              l.instalmentsAllowed(),
              l.approvedPaise(),
              l.decisionComment(),
              l.disbursedPaise(),
              checks.codes(r.organisation(), l.recipients()),
              l.item(),
              l.approvedQuantity(),
              l.deliveredQuantity()));
    }
    List<SupportRequest.Comment> comments =
        store.comments(r.id()).stream()
            .map(
                c ->
                    new SupportRequest.Comment(
                        (String) c.get("author"),
                        (String) c.get("body"),
                        toOffset(c.get("created_at"))))
            .toList();
    return new SupportRequest(
        r.id(),
        r.organisation(),
        r.addressedTo(),
        r.title(),
        r.justification(),
        r.status(),
        r.grantId(),
        r.fundId(),
        r.version(),
        r.createdBy(),
        r.createdAt(),
        lines,
        comments);
  }

  private Paid paid(SupportStore.Disbursement d) {
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

  private static <T> SupportOutcome<T> refused(String key, Object... args) {
    return new SupportOutcome.Refused<>(key, List.of(args), null);
  }

  private static java.time.OffsetDateTime toOffset(Object value) {
    if (value instanceof java.time.OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    return null;
  }

  private static OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    return by.organisation();
  }
}
