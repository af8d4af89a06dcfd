package org.sahay.funds;

/** An account of an organisation's chart of accounts; {@code fcra} only for bank accounts. */
public record LedgerAccount(
    AccountId id, String code, AccountKind kind, String name, boolean fcra) {}
