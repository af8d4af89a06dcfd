package org.sahay.funds;

/** An expense as listed: whether it was reversed and whether a proof is attached. */
public record ExpenseLine(Expense expense, boolean reversed, boolean hasProof) {}
