package org.sahay.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a loan says, as sealed: lender, principal, interest and its period, start, collateral, the
 * signs of bondage, the way out, notes. Read and checked from what a person sent; judged
 * exploitative above a monthly rate or with any sign of bondage.
 */
record LoanTerms(
    LenderKind lender,
    BigDecimal principal,
    BigDecimal interestPercent,
    InterestPeriod interestPeriod,
    LocalDate startedOn,
    String collateral,
    boolean workingToRepay,
    boolean documentsHeld,
    WayOut wayOut,
    String notes) {

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  private static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

  /** The terms in {@code input}; what is wrong goes in {@code errors} by field. */
  static LoanTerms read(Loans.LoanInput input, LocalDate today, Map<String, String> errors) {
    LenderKind lender = kind(LenderKind.class, input.lender(), "lender", errors);
    BigDecimal principal = amount(input.principal(), MAX_AMOUNT, "principal", errors);
    BigDecimal interest = amount(input.interestPercent(), MAX_PERCENT, "interestPercent", errors);
    if (principal != null && principal.signum() == 0) {
      errors.put("principal", "loan.amount.invalid");
    }
    InterestPeriod period =
        kind(InterestPeriod.class, input.interestPeriod(), "interestPeriod", errors);
    LocalDate started = null;
    if (input.startedOn() != null && !input.startedOn().isBlank()) {
      started = CareChecks.date(input.startedOn(), "startedOn", today, errors);
    }
    WayOut way =
        input.wayOut() == null || input.wayOut().isBlank()
            ? WayOut.NONE_YET
            : kind(WayOut.class, input.wayOut(), "wayOut", errors);
    return new LoanTerms(
        lender,
        principal,
        interest,
        period,
        started,
        CareChecks.text(input.collateral(), 200, "collateral", errors),
        Boolean.TRUE.equals(input.workingToRepay()),
        Boolean.TRUE.equals(input.documentsHeld()),
        way,
        CareChecks.text(input.notes(), 2_000, "notes", errors));
  }

  /** Why the loan is exploitative at {@code threshold} percent a month; empty when it is not. */
  List<Loan.Reason> flagged(BigDecimal threshold) {
    List<Loan.Reason> reasons = new ArrayList<>();
    if (interestPeriod.monthly(interestPercent).compareTo(threshold) > 0) {
      reasons.add(Loan.Reason.RATE);
    }
    if (workingToRepay) {
      reasons.add(Loan.Reason.WORKING_TO_REPAY);
    }
    if (documentsHeld) {
      reasons.add(Loan.Reason.DOCUMENTS_HELD);
    }
    return reasons;
  }

  LoanTerms with(WayOut way) {
    return new LoanTerms(
        lender,
        principal,
        interestPercent,
        interestPeriod,
        startedOn,
        collateral,
        workingToRepay,
        documentsHeld,
        way,
        notes);
  }

  /** An amount of at most two decimals, not negative, up to {@code max}; else an error. */
  static BigDecimal amount(String text, BigDecimal max, String field, Map<String, String> errors) {
    try {
      BigDecimal value = new BigDecimal(String.valueOf(text).strip().replace(",", ""));
      if (value.signum() < 0 || value.compareTo(max) > 0 || value.scale() > 2) {
        throw new NumberFormatException();
      }
      return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value;
    } catch (NumberFormatException e) {
      errors.put(field, "loan.amount.invalid");
      return null;
    }
  }

  static <E extends Enum<E>> E kind(
      Class<E> type, String text, String field, Map<String, String> errors) {
    try {
      return Enum.valueOf(type, String.valueOf(text).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put(field, "care.choose");
      return null;
    }
  }

  static LocalDate parse(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
