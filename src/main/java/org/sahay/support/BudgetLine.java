package org.sahay.support;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sahay.platform.Money;
import org.sahay.registry.Beneficiary;
import org.sahay.support.internal.SupportStore;

/**
 * A budget line deciding whether a payment may be made against it, as plain code: the service loads
 * the line (locked), asks, and writes only when the answer is {@link Payment.Allowed}, so that
 * nothing is written to be rolled back.
 */
final class BudgetLine {

  /** The answer to a payment asked for. */
  sealed interface Payment {
    /** The payment may be made. */
    record Allowed() implements Payment {}

    /** The line asks for goods: they are delivered, not paid. */
    record GoodsNotPaid() implements Payment {}

    /** The person or household is not one the line is for. */
    record NotOnLine() implements Payment {}

    /** More than what is left of the approved amount; {@code left} is what is. */
    record OverApproved(Money left) implements Payment {}

    /** A line without instalments pays each recipient once; {@code earlier} is that payment. */
    record AlreadyPaid(DisbursementId earlier) implements Payment {}
  }

  private final boolean goods;
  private final List<Beneficiary> recipients;
  private final long approvedPaise;
  private final long disbursedPaise;
  private final boolean instalments;
  private final Function<Beneficiary, Optional<DisbursementId>> earlierPaymentTo;

  private BudgetLine(
      boolean goods,
      List<Beneficiary> recipients,
      long approvedPaise,
      long disbursedPaise,
      boolean instalments,
      Function<Beneficiary, Optional<DisbursementId>> earlierPaymentTo) {
    this.goods = goods;
    this.recipients = List.copyOf(recipients);
    this.approvedPaise = approvedPaise;
    this.disbursedPaise = disbursedPaise;
    this.instalments = instalments;
    this.earlierPaymentTo = earlierPaymentTo;
  }

  /**
   * The stored line; {@code earlierPaymentTo} finds the payment that already claimed a recipient of
   * a line without instalments (asked only for such a line, and only once the rest allow it).
   */
  static BudgetLine of(
      SupportStore.Line line, Function<Beneficiary, Optional<DisbursementId>> earlierPaymentTo) {
    return new BudgetLine(
        line.goods(),
        line.recipients(),
        line.approvedPaise() == null ? 0 : line.approvedPaise(),
        line.disbursedPaise(),
        line.instalmentsAllowed(),
        earlierPaymentTo);
  }

  /** Whether {@code amount} may be paid to {@code recipient}. */
  Payment pay(Beneficiary recipient, Money amount) {
    if (goods) {
      return new Payment.GoodsNotPaid();
    }
    if (!recipients.contains(recipient)) {
      return new Payment.NotOnLine();
    }
    long left = approvedPaise - disbursedPaise;
    if (amount.paise() > left) {
      return new Payment.OverApproved(Money.ofPaise(left));
    }
    if (!instalments) {
      Optional<DisbursementId> earlier = earlierPaymentTo.apply(recipient);
      if (earlier.isPresent()) {
        return new Payment.AlreadyPaid(earlier.get());
      }
    }
    return new Payment.Allowed();
  }
}
