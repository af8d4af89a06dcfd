package org.sahay.funds;

import java.util.Map;
import org.sahay.platform.Money;

/** What became of a request to record something in the books. */
public sealed interface FundsOutcome<T> {

  /** Recorded and posted. */
  record Done<T>(T value) implements FundsOutcome<T> {}

  /** Field name to message key for each wrong field; nothing was recorded. */
  record Invalid<T>(Map<String, String> errors) implements FundsOutcome<T> {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }

  /**
   * A rule of the books refused it; nothing was recorded. {@code remaining} is what is left in the
   * fund where that matters, and {@code needed} what the request asked for.
   */
  record Refused<T>(Refusal refusal, Money remaining, Money needed) implements FundsOutcome<T> {
    public Refused(Refusal refusal) {
      this(refusal, null, null);
    }
  }

  /** Why the books refused something. */
  enum Refusal {
    /** A restricted fund would go below zero. */
    NOT_ENOUGH_IN_FUND,
    /** Cash in hand or a bank account would go below zero: money not there cannot be paid out. */
    NOT_ENOUGH_IN_ACCOUNT,
    /** Foreign contributions are received and spent only through a bank account marked FCRA. */
    FOREIGN_NEEDS_FCRA_ACCOUNT,
    /** An FCRA account holds foreign contributions only. */
    FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY,
    /** A donation with this bank or platform reference is in the books already. */
    ALREADY_RECORDED,
    /** The entry has been reversed already. */
    ALREADY_REVERSED,
    /** A reversal is not reversed; the original is recorded again instead. */
    REVERSAL_OF_REVERSAL
  }
}
