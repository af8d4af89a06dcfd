package org.sahay.funds;

import java.util.List;

/** Sums of all debits and all credits of an organisation's ledger, in paise, and per account. */
public record TrialBalance(long debits, long credits, List<Row> accounts) {

  /** One account's totals; {@code balance} is debits minus credits. */
  public record Row(
      AccountId account, String code, AccountKind kind, String name, long debits, long credits) {
    public long balance() {
      return debits - credits;
    }
  }

  public boolean balanced() {
    return debits == credits;
  }
}
