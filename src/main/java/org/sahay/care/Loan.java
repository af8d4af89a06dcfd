package org.sahay.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sahay.registry.MemberId;

/**
 * An informal loan of a member, opened: the lender, the principal in rupees, the interest as quoted
 * and as a monthly rate, the start, the collateral, the signs of bondage, the way out; why it is
 * flagged exploitative (empty when it is not); repayments and their total.
 */
public record Loan(
    UUID id,
    MemberId member,
    LenderKind lender,
    BigDecimal principal,
    BigDecimal interestPercent,
    InterestPeriod interestPeriod,
    BigDecimal monthlyRate,
    LocalDate startedOn,
    String collateral,
    boolean workingToRepay,
    boolean documentsHeld,
    WayOut wayOut,
    String notes,
    boolean open,
    List<Reason> flagged,
    List<Repayment> repayments,
    BigDecimal repaid,
    int version) {

  public Loan {
    flagged = List.copyOf(flagged);
    repayments = List.copyOf(repayments);
  }

  /** Why a loan is exploitative. */
  public enum Reason {
    RATE,
    WORKING_TO_REPAY,
    DOCUMENTS_HELD
  }

  /** A repayment: how much, on which day. */
  public record Repayment(UUID id, BigDecimal amount, LocalDate paidOn) {}

  @com.fasterxml.jackson.annotation.JsonProperty("exploitative")
  public boolean exploitative() {
    return !flagged.isEmpty();
  }
}
