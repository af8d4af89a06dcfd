package org.sahay.funds;

/** Helpers for outcomes that did not end in a recording. */
final class Outcomes {

  private Outcomes() {}

  /** A refusal or invalid outcome, as the outcome of another type: nothing was recorded. */
  static <A, B> FundsOutcome<B> retyped(FundsOutcome<A> outcome) {
    if (outcome instanceof FundsOutcome.Refused<A> refused) {
      return new FundsOutcome.Refused<>(refused.refusal(), refused.remaining(), refused.needed());
    }
    if (outcome instanceof FundsOutcome.Invalid<A> invalid) {
      return new FundsOutcome.Invalid<>(invalid.errors());
    }
    throw new IllegalArgumentException("a recording is not retyped");
  }
}
