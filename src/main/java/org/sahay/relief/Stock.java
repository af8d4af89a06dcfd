package org.sahay.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.internal.CatalogueStore;
import org.sahay.relief.internal.Quantities;
import org.sahay.relief.internal.ReceiptStore;
import org.sahay.relief.internal.Scope;
import org.sahay.relief.internal.StockLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Stock of a collective per location: receipts, transfers and adjustments. Stock on hand never goes
 * below zero: every change locks the balance row of its location and item before it reads it, and
 * the database refuses a negative balance as a last guard.
 */
@Service
public class Stock {

  /**
   * Stock received: {@code expenseId} names the expense in the funds ledger that paid for a
   * purchase (a reference only); {@code expiresOn} is for medicines and food.
   */
  public record ReceiptInput(
      LocationId locationId,
      ItemId itemId,
      BigDecimal quantity,
      String source,
      String sourceNote,
      UUID expenseId,
      LocalDate receivedOn,
      LocalDate expiresOn) {}

  /** Stock moved from one location to another, the soonest-expiring first. */
  public record TransferInput(
      LocationId fromLocationId, LocationId toLocationId, ItemId itemId, BigDecimal quantity) {}

  /**
   * A correction by hand: a negative {@code change} takes stock away (from {@code batchId} if
   * given, else the soonest-expiring first); a positive one adds a batch (a count found more).
   */
  public record AdjustmentInput(
      LocationId locationId,
      ItemId itemId,
      BatchId batchId,
      BigDecimal change,
      String reason,
      LocalDate expiresOn) {}

  /** What a receipt, transfer or adjustment came to. */
  public sealed interface Outcome {
    /** Done; {@code reference} is the receipt, transfer or adjustment id. */
    record Done(UUID reference, List<StockLevel> levels) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}

    /** Not enough on hand: only {@code left} of the item is there. */
    record Short(ItemId item, BigDecimal left) implements Outcome {}
  }

  private static final int MAX_NOTE = 200;

  private final StockLedger ledger;
  private final CatalogueStore catalogue;
  private final ReceiptStore receipts;
  private final Scope scope;
  private final AuditLog audit;
  private final org.sahay.funds.Expenses expenses;

  private final Today today;

  Stock(
      StockLedger ledger,
      CatalogueStore catalogue,
      ReceiptStore receipts,
      Scope scope,
      AuditLog audit,
      org.sahay.funds.Expenses expenses,
      Today today) {
    this.today = today;
    this.ledger = ledger;
    this.catalogue = catalogue;
    this.receipts = receipts;
    this.scope = scope;
    this.audit = audit;
    this.expenses = expenses;
  }

  @Transactional
  public Outcome receive(Actor by, ReceiptInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    known(collective, input.locationId(), input.itemId(), "locationId", errors);
    if (!Quantities.valid(input.quantity())) {
      errors.put("quantity", "relief.quantity.invalid");
    }
    StockSource source =
        ReliefCatalogue.parse(
            StockSource.class, input.source(), "source", "relief.receipt.source.invalid", errors);
    if (input.expenseId() != null && source != StockSource.PURCHASE) {
      errors.put("expenseId", "relief.receipt.expense.onlyPurchase");
    } else if (input.expenseId() != null && !expenses.isStanding(collective, input.expenseId())) {
      // Another collective's expense, a reversed one or none at all: as if it did not exist.
      errors.put("expenseId", "relief.receipt.expense.unknown");
    }
    if (input.sourceNote() != null && input.sourceNote().length() > MAX_NOTE) {
      errors.put("sourceNote", "relief.receipt.note.tooLong");
    }
    // The collective's today, not the server's: at 01:00 in Guntur the server's UTC date is still
    // yesterday.
    LocalDate day = today.at(collective);
    LocalDate receivedOn = input.receivedOn() == null ? day : input.receivedOn();
    if (receivedOn.isAfter(day.plusDays(1))) {
      errors.put("receivedOn", "relief.receipt.receivedOn.future");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    UUID receipt = Ids.newId();
    var key = new StockLedger.Key(input.locationId(), input.itemId());
    ledger.lock(collective, List.of(key), true);
    BatchId batch =
        ledger.receive(
            collective,
            key,
            Quantities.normal(input.quantity()),
            input.expiresOn(),
            new StockLedger.Move("RECEIPT", null, receipt, by.username()));
    receipts.insert(
        receipt,
        collective,
        key,
        batch,
        Quantities.normal(input.quantity()),
        source,
        input.sourceNote() == null || input.sourceNote().isBlank()
            ? null
            : input.sourceNote().strip(),
        input.expenseId(),
        receivedOn,
        by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "STOCK_RECEIVED",
            "stock_receipt",
            receipt.toString(),
            Quantities.normal(input.quantity()).toPlainString()
                + " of item "
                + input.itemId()
                + ", "
                + source
                + (input.expenseId() == null ? "" : ", expense " + input.expenseId())));
    return new Outcome.Done(receipt, List.of(level(collective, key)));
  }

  @Transactional
  public Outcome transfer(Actor by, TransferInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    known(collective, input.fromLocationId(), input.itemId(), "fromLocationId", errors);
    if (input.toLocationId() == null
        || catalogue.location(collective, input.toLocationId()).isEmpty()) {
      errors.put("toLocationId", "relief.location.unknown");
    } else if (input.toLocationId().equals(input.fromLocationId())) {
      errors.put("toLocationId", "relief.transfer.sameLocation");
    }
    if (!Quantities.valid(input.quantity())) {
      errors.put("quantity", "relief.quantity.invalid");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    BigDecimal quantity = Quantities.normal(input.quantity());
    var from = new StockLedger.Key(input.fromLocationId(), input.itemId());
    var to = new StockLedger.Key(input.toLocationId(), input.itemId());
    Map<StockLedger.Key, BigDecimal> onHand = ledger.lock(collective, List.of(from, to), true);
    if (onHand.get(from).compareTo(quantity) < 0) {
      return new Outcome.Short(input.itemId(), onHand.get(from));
    }
    UUID transfer = Ids.newId();
    for (StockLedger.Taken taken :
        ledger.take(
            collective,
            from,
            quantity,
            null,
            new StockLedger.Move("TRANSFER_OUT", null, transfer, by.username()))) {
      ledger.receive(
          collective,
          to,
          taken.quantity(),
          taken.expiresOn(),
          new StockLedger.Move("TRANSFER_IN", null, transfer, by.username()));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "STOCK_TRANSFERRED",
            "stock_transfer",
            transfer.toString(),
            quantity.toPlainString()
                + " of item "
                + input.itemId()
                + " from "
                + input.fromLocationId()
                + " to "
                + input.toLocationId()));
    return new Outcome.Done(transfer, List.of(level(collective, from), level(collective, to)));
  }

  @Transactional
  public Outcome adjust(Actor by, AdjustmentInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    known(collective, input.locationId(), input.itemId(), "locationId", errors);
    AdjustmentReason reason =
        ReliefCatalogue.parse(
            AdjustmentReason.class,
            input.reason(),
            "reason",
            "relief.adjustment.reason.invalid",
            errors);
    if (input.change() == null
        || input.change().signum() == 0
        || !Quantities.valid(input.change().abs())) {
      errors.put("change", "relief.quantity.invalid");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    UUID adjustment = Ids.newId();
    var key = new StockLedger.Key(input.locationId(), input.itemId());
    var move = new StockLedger.Move("ADJUSTMENT", reason, adjustment, by.username());
    BigDecimal change = Quantities.normal(input.change());
    BigDecimal onHand = ledger.lock(collective, List.of(key), true).get(key);
    if (change.signum() > 0) {
      ledger.receive(collective, key, change, input.expiresOn(), move);
    } else {
      BigDecimal available =
          input.batchId() == null ? onHand : ledger.inBatch(collective, key, input.batchId());
      if (available.compareTo(change.negate()) < 0) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Outcome.Short(input.itemId(), available);
      }
      ledger.take(collective, key, change.negate(), input.batchId(), move);
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "STOCK_ADJUSTED",
            "stock_adjustment",
            adjustment.toString(),
            change.toPlainString() + " of item " + input.itemId() + ", " + reason));
    return new Outcome.Done(adjustment, List.of(level(collective, key)));
  }

  /**
   * Gives {@code quantity} of an item from a location of the actor's collective to one person, for
   * another module's record ({@code reference}, a health-support hand-out), in the caller's
   * transaction: the soonest-expiring batches first. The calling module has checked that the actor
   * may give it; here only the collective is the actor's. Not enough on hand writes nothing.
   */
  @Transactional
  public Outcome issue(
      Actor by, LocationId location, ItemId item, BigDecimal quantity, UUID reference) {
    OrganisationId collective = by.organisation();
    if (collective == null) {
      throw new org.sahay.platform.NotFoundException();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    known(collective, location, item, "locationId", errors);
    if (!Quantities.valid(quantity)) {
      errors.put("quantity", "relief.quantity.invalid");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    var key = new StockLedger.Key(location, item);
    BigDecimal wanted = Quantities.normal(quantity);
    BigDecimal onHand = ledger.lock(collective, List.of(key), true).get(key);
    if (onHand.compareTo(wanted) < 0) {
      return new Outcome.Short(item, onHand);
    }
    ledger.take(
        collective,
        key,
        wanted,
        null,
        new StockLedger.Move("ISSUE", null, reference, by.username()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "STOCK_ISSUED",
            "stock_issue",
            reference.toString(),
            wanted.toPlainString() + " of item " + item));
    return new Outcome.Done(reference, List.of(level(collective, key)));
  }

  /** Stock on hand (of one location if given), each with its batches, soonest-expiring first. */
  @Transactional(readOnly = true)
  public List<StockLevel> levels(Actor by, LocationId location) {
    return ledger.levels(scope.own(by, ReliefAction.RELIEF_READ), location);
  }

  /** The collective's latest receipts, at most {@code limit}, for choosing one to link to. */
  @Transactional(readOnly = true)
  public List<StockReceipt> latestReceipts(Actor by, int limit) {
    return receipts.latest(
        scope.own(by, ReliefAction.RELIEF_READ), Math.max(1, Math.min(limit, 200)));
  }

  /**
   * Whether {@code receipt} is a stock receipt of the actor's collective that the actor may read:
   * for another module linking to it (what a stakeholder helped bring in). Never an error: another
   * collective's receipt, or an actor who may not read stock, is simply not one.
   */
  @Transactional(readOnly = true)
  public boolean isOwnReceipt(Actor by, UUID receipt) {
    return by.organisation() != null
        && receipt != null
        && scope.permits(by, ReliefAction.RELIEF_READ, by.organisation())
        && receipts.isOf(by.organisation(), receipt);
  }

  /** Batches of the collective that expire within {@code days}, the soonest first. */
  @Transactional(readOnly = true)
  public List<StockLevel> expiringWithin(Actor by, int days) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_READ);
    LocalDate until = today.at(collective).plusDays(days);
    List<StockLevel> soon = new ArrayList<>();
    for (StockLevel level : ledger.levels(collective, null)) {
      var batches =
          level.batches().stream()
              .filter(b -> b.expiresOn() != null && !b.expiresOn().isAfter(until))
              .toList();
      if (!batches.isEmpty()) {
        soon.add(new StockLevel(level.location(), level.item(), level.onHand(), batches));
      }
    }
    soon.sort(java.util.Comparator.comparing(l -> l.batches().get(0).expiresOn()));
    return soon;
  }

  private StockLevel level(OrganisationId collective, StockLedger.Key key) {
    return new StockLevel(
        key.location(),
        key.item(),
        ledger.onHand(collective, key),
        ledger.batches(collective, key));
  }

  private void known(
      OrganisationId collective,
      LocationId location,
      ItemId item,
      String locationField,
      Map<String, String> errors) {
    if (location == null || catalogue.location(collective, location).isEmpty()) {
      errors.put(locationField, "relief.location.unknown");
    }
    if (item == null || catalogue.item(collective, item).isEmpty()) {
      errors.put("itemId", "relief.item.unknown");
    }
  }
}
