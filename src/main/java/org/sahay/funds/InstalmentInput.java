package org.sahay.funds;

/** A grant instalment received into a bank account. */
public record InstalmentInput(
    Long amountPaise, String amount, String receivedOn, String accountId, String reference) {}
