package org.sahay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.platform.Money;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.MemberId;
import org.sahay.relief.ItemId;
import org.sahay.support.internal.SupportStore;

/** The rules of a payment against a budget line, without a database. */
class BudgetLineTest {

  private static final Beneficiary ASHA = member();
  private static final Beneficiary BINA = member();
  private static final DisbursementId EARLIER = new DisbursementId(UUID.randomUUID());

  @Test
  void aPaymentWithinWhatIsLeftToSomeoneOnTheLineIsAllowed() {
    assertThat(line(100_000, 40_000, false, null).pay(ASHA, Money.ofPaise(60_000)))
        .isInstanceOf(BudgetLine.Payment.Allowed.class);
  }

  @Test
  void moreThanWhatIsLeftIsRefusedWithWhatIsLeft() {
    assertThat(line(100_000, 40_000, true, null).pay(ASHA, Money.ofPaise(60_001)))
        .isEqualTo(new BudgetLine.Payment.OverApproved(Money.ofPaise(60_000)));
  }

  @Test
  void someoneNotOnTheLineIsRefusedBeforeAnythingElse() {
    assertThat(line(100_000, 100_000, false, EARLIER).pay(member(), Money.ofPaise(1)))
        .isInstanceOf(BudgetLine.Payment.NotOnLine.class);
  }

  @Test
  void withoutInstalmentsARecipientIsPaidOnceAndTheEarlierPaymentIsNamed() {
    assertThat(line(100_000, 10_000, false, EARLIER).pay(BINA, Money.ofPaise(10_000)))
        .isEqualTo(new BudgetLine.Payment.AlreadyPaid(EARLIER));
  }

  @Test
  void withInstalmentsTheSameRecipientMayBePaidAgainWithoutLookingForAnEarlierPayment() {
    var line =
        BudgetLine.of(
            stored(100_000, 10_000, true),
            x -> {
              throw new AssertionError("a line with instalments never asks");
            });
    assertThat(line.pay(BINA, Money.ofPaise(10_000)))
        .isInstanceOf(BudgetLine.Payment.Allowed.class);
  }

  @Test
  void aGoodsLineIsNeverPaid() {
    var goods =
        new SupportStore.Line(
            new SupportLineId(UUID.randomUUID()),
            new SupportRequestId(UUID.randomUUID()),
            1,
            "FOOD_AND_RATIONS",
            "Rice",
            0,
            50,
            false,
            0L,
            null,
            0,
            List.of(ASHA),
            new ItemId(UUID.randomUUID()),
            50,
            0);
    assertThat(BudgetLine.of(goods, x -> Optional.empty()).pay(ASHA, Money.ofPaise(1)))
        .isInstanceOf(BudgetLine.Payment.GoodsNotPaid.class);
  }

  @Test
  void aLineNotYetDecidedHasNothingLeft() {
    var asked =
        new SupportStore.Line(
            new SupportLineId(UUID.randomUUID()),
            new SupportRequestId(UUID.randomUUID()),
            1,
            "CASH_RELIEF",
            "Cash",
            100_000,
            null,
            true,
            null,
            null,
            0,
            List.of(ASHA, BINA),
            null,
            null,
            0);
    assertThat(BudgetLine.of(asked, x -> Optional.empty()).pay(ASHA, Money.ofPaise(1)))
        .isEqualTo(new BudgetLine.Payment.OverApproved(Money.ZERO));
  }

  private static BudgetLine line(
      long approved, long disbursed, boolean instalments, DisbursementId earlierToBina) {
    return BudgetLine.of(
        stored(approved, disbursed, instalments),
        x -> x.equals(BINA) ? Optional.ofNullable(earlierToBina) : Optional.empty());
  }

  private static Beneficiary member() {
    return Beneficiary.member(new MemberId(UUID.randomUUID()));
  }

  private static SupportStore.Line stored(long approved, long disbursed, boolean instalments) {
    return new SupportStore.Line(
        new SupportLineId(UUID.randomUUID()),
        new SupportRequestId(UUID.randomUUID()),
        1,
        "CASH_RELIEF",
        "Cash for food",
        Math.max(approved, 1),
        null,
        instalments,
        approved,
        null,
        disbursed,
        List.of(ASHA, BINA),
        null,
        null,
        0);
  }
}
