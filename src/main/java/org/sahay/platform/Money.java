package org.sahay.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of Indian rupees held in paise, so that no rupee is ever lost to a {@code double}. */
public record Money(long paise) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  public static Money ofPaise(long paise) {
    return new Money(paise);
  }

  public static Money ofRupees(long rupees) {
    return new Money(Math.multiplyExact(rupees, 100L));
  }

  /**
   * Parses 2300000, 23 00 000.50 with Indian commas, or with the rupee sign; at most two decimals.
   */
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile("-?([0-9]{1,16}(\\.[0-9]{0,2})?|\\.[0-9]{1,2})");

  public static Money parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty amount");
    }
    String cleaned = text.replace("₹", "").replace(",", "").replace(" ", "").trim();
    // Digits, and at most two after the point: BigDecimal alone would take "1e99999999" and then
    // spend minutes of a request thread writing out the hundred million digits (found by fuzzing
    // the donation statement import).
    if (!AMOUNT.matcher(cleaned).matches()) {
      throw new IllegalArgumentException("not an amount");
    }
    BigDecimal rupees = new BigDecimal(cleaned);
    if (rupees.scale() > 2) {
      throw new IllegalArgumentException("more than two decimals");
    }
    return new Money(
        rupees.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(paise, other.paise));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(paise, other.paise));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(paise, factor));
  }

  public Money negate() {
    return new Money(Math.negateExact(paise));
  }

  public boolean isNegative() {
    return paise < 0;
  }

  public boolean isZero() {
    return paise == 0;
  }

  public BigDecimal rupees() {
    return BigDecimal.valueOf(paise, 2);
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(paise, other.paise);
  }
}
