package org.sahay.funds;

/** A bank account to add to the chart of accounts; {@code fcra} for the FCRA-designated one. */
public record BankAccountInput(String name, Boolean fcra) {}
