package org.sahay.funds;

import java.time.LocalDate;
import java.time.Month;

/**
 * An Indian financial year, April to March, named like 2026-27. Receipt numbers start again at 1 in
 * each.
 */
public record FinancialYear(int startYear) {

  public FinancialYear {
    if (startYear < 1900 || startYear > 9998) {
      throw new IllegalArgumentException("financial year out of range");
    }
  }

  /** The financial year a date falls in: 31 March 2026 is in 2025-26, 1 April 2026 in 2026-27. */
  public static FinancialYear of(LocalDate date) {
    return new FinancialYear(
        date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  /** For example 2026-27. */
  public String label() {
    return String.format("%d-%02d", startYear, (startYear + 1) % 100);
  }

  /** The receipt number of the {@code sequence}-th donation of this year: 2026-27/000123. */
  public String receiptNumber(long sequence) {
    return String.format("%s/%06d", label(), sequence);
  }

  @Override
  public String toString() {
    return label();
  }
}
