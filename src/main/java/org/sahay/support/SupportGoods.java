package org.sahay.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.Distributions;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.LocationId;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Stock;
import org.sahay.support.internal.PaymentStore;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kind support: goods a funder approved arrive as stock receipts recorded against their line, up to
 * the quantity approved, and are handed over through relief; reconciliation counts what was
 * delivered, what was handed over to the line's people, and who still waits.
 */
@Service
public class SupportGoods {

  /** What arrived against a goods line. */
  public record Delivered(
      UUID id, SupportLineId line, UUID receipt, int quantity, LocalDate receivedOn) {}

  /** A goods line's balance: asked, approved, delivered, handed over; and whom it still owes. */
  public record Balance(
      ItemId item,
      int asked,
      int approved,
      int delivered,
      BigDecimal handedOver,
      List<Beneficiary> waiting) {}

  private final SupportStore store;
  private final PaymentStore paymentStore;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Stock stock;
  private final Distributions distributions;
  private final Today today;
  private final java.time.Clock clock;
  private final ReliefCatalogue catalogue;

  SupportGoods(
      PaymentStore paymentStore,
      ReliefCatalogue catalogue,
      SupportStore store,
      AccessPolicy policy,
      AuditLog audit,
      Stock stock,
      Distributions distributions,
      Today today,
      java.time.Clock clock) {
    this.catalogue = catalogue;
    this.store = store;
    this.paymentStore = paymentStore;
    this.policy = policy;
    this.audit = audit;
    this.stock = stock;
    this.distributions = distributions;
    this.today = today;
    this.clock = clock;
  }

  /**
   * Records goods of an approved goods line that arrived: a stock receipt in relief (a donation in
   * kind, noted with the request) and the delivery against the line, never beyond what was
   * approved.
   */
  @Transactional
  public SupportOutcome<Delivered> deliver(
      Actor by, SupportRequestId requestId, SupportInputs.Delivery in) {
    SupportStore.Request r = store.lockRequest(requestId).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    if (SupportRequest.disburse(r.status()) instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    Arrived arrived = parse(r, in, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    SupportStore.Line line = arrived.line();
    LocationId location = arrived.location();
    LocalDate receivedOn = arrived.receivedOn();
    LocalDate expiresOn = arrived.expiresOn();
    int approved = line.approvedQuantity() == null ? 0 : line.approvedQuantity();
    int left = approved - line.deliveredQuantity();
    if (in.quantity() > left) {
      return new SupportOutcome.Refused<>(SupportRefusal.DELIVERY_TOO_MUCH, left, in.quantity());
    }
    return receive(by, r, line, location, in.quantity(), receivedOn, expiresOn);
  }

  /** The goods into stock (a donation in kind) and the delivery against the line. */
  private SupportOutcome<Delivered> receive(
      Actor by,
      SupportStore.Request r,
      SupportStore.Line line,
      LocationId location,
      int quantity,
      LocalDate receivedOn,
      LocalDate expiresOn) {
    SupportRequestId requestId = r.id();
    var received =
        stock.receive(
            by,
            new Stock.ReceiptInput(
                location,
                line.item(),
                BigDecimal.valueOf(quantity),
                "DONATION_IN_KIND",
                note("Support request: " + r.title() + ", line " + line.number()),
                null,
                receivedOn,
                expiresOn));
    if (received instanceof Stock.Outcome.Invalid invalid) {
      return new SupportOutcome.Invalid<>(invalid.errors());
    }
    if (!(received instanceof Stock.Outcome.Done done)) {
      throw new IllegalStateException("a receipt is either done or invalid");
    }
    UUID id = Ids.newId();
    paymentStore.insertDelivery(
        r.organisation(),
        new PaymentStore.Delivery(
            id,
            requestId,
            line.id(),
            done.reference(),
            quantity,
            receivedOn,
            by.username(),
            OffsetDateTime.now(clock)));
    if (r.status() != RequestStatus.DISBURSING) {
      store.setStatus(requestId, r.version(), RequestStatus.DISBURSING, by.username());
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_GOODS_DELIVERED",
            "support_request",
            requestId.toString(),
            "line " + line.number() + ", " + quantity + " received, receipt " + done.reference()));
    return new SupportOutcome.Done<>(
        new Delivered(id, line.id(), done.reference(), quantity, receivedOn));
  }

  /** A delivery as sent, each field parsed; the line is locked. */
  private record Arrived(
      SupportStore.Line line, LocationId location, LocalDate receivedOn, LocalDate expiresOn) {}

  private Arrived parse(
      SupportStore.Request r, SupportInputs.Delivery in, Map<String, String> errors) {
    SupportStore.Line line;
    try {
      line =
          store
              .lockLine(SupportLineId.of(String.valueOf(in.lineId())))
              .filter(l -> l.request().equals(r.id()) && l.goods())
              .orElse(null);
    } catch (IllegalArgumentException e) {
      line = null;
    }
    if (line == null) {
      errors.put("lineId", "support.line.notGoods");
    }
    LocationId location = null;
    try {
      location = LocationId.of(String.valueOf(in.locationId()));
    } catch (IllegalArgumentException e) {
      errors.put("locationId", "relief.location.unknown");
    }
    if (in.quantity() == null || in.quantity() < 1) {
      errors.put("quantity", "support.quantity.invalid");
    }
    LocalDate receivedOn = date(in.receivedOn(), "receivedOn", errors);
    return new Arrived(
        line,
        location,
        receivedOn == null && !errors.containsKey("receivedOn")
            ? today.at(r.organisation())
            : receivedOn,
        date(in.expiresOn(), "expiresOn", errors));
  }

  /** A date as typed (yyyy-mm-dd), null when left out, with an error when it is not one. */
  private static LocalDate date(String text, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "support.delivery.date.invalid");
      return null;
    }
  }

  /**
   * A goods line's balance. Hand-overs count from the first delivery on (what the collective gave
   * before the funder's goods arrived was not these goods); a person waits until a hand-over of the
   * item reached her (or her household, for a household on the line). {@code waiting} holds the
   * line's recipients, for the caller to show as codes.
   */
  Balance balance(SupportStore.Request r, SupportStore.Line line) {
    Map<Beneficiary, BigDecimal> got = handedOver(r, line);
    List<Beneficiary> waiting = new ArrayList<>();
    BigDecimal handed = BigDecimal.ZERO;
    for (Beneficiary recipient : line.recipients()) {
      BigDecimal received = got.getOrDefault(recipient, BigDecimal.ZERO);
      handed = handed.add(received);
      if (received.signum() <= 0) {
        waiting.add(recipient);
      }
    }
    return new Balance(
        line.item(),
        line.quantity(),
        line.approvedQuantity() == null ? 0 : line.approvedQuantity(),
        line.deliveredQuantity(),
        handed.stripTrailingZeros(),
        waiting);
  }

  /**
   * The names, in the language, of the items the request's goods lines ask for, with their unit
   * ("Rice (kg)"); for anyone who may read the request, funders included.
   */
  @Transactional(readOnly = true)
  public Map<ItemId, Item> items(SupportRequest request) {
    Map<ItemId, Item> found = new java.util.HashMap<>();
    for (SupportRequest.Line line : request.lines()) {
      if (line.itemId() != null) {
        catalogue
            .itemOf(request.organisation(), line.itemId())
            .ifPresent(item -> found.put(line.itemId(), item));
      }
    }
    return found;
  }

  /** Relief keeps at most 200 characters of a receipt's note. */
  private static String note(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200);
  }

  /** What hand-overs of the line's item gave each of its recipients since the first delivery. */
  Map<Beneficiary, BigDecimal> handedOver(SupportStore.Request r, SupportStore.Line line) {
    OffsetDateTime first =
        paymentStore.deliveries(r.id()).stream()
            .filter(d -> d.line().equals(line.id()))
            .map(PaymentStore.Delivery::recordedAt)
            .min(OffsetDateTime::compareTo)
            .orElse(null);
    if (first == null) {
      return Map.of();
    }
    return distributions.receivedSince(r.organisation(), line.item(), line.recipients(), first);
  }
}
