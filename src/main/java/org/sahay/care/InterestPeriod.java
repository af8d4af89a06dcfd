package org.sahay.care;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The period an interest rate is quoted for, and how it converts to a monthly rate. */
public enum InterestPeriod {
  DAY(new BigDecimal("365"), new BigDecimal("12")),
  WEEK(new BigDecimal("52"), new BigDecimal("12")),
  MONTH(BigDecimal.ONE, BigDecimal.ONE),
  YEAR(BigDecimal.ONE, new BigDecimal("12"));

  private final BigDecimal times;
  private final BigDecimal per;

  InterestPeriod(BigDecimal times, BigDecimal per) {
    this.times = times;
    this.per = per;
  }

  /** A rate quoted for this period as a simple monthly rate (percent, two decimals). */
  public BigDecimal monthly(BigDecimal percent) {
    return percent.multiply(times).divide(per, 2, RoundingMode.HALF_UP);
  }
}
