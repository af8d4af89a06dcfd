package org.sahay.funds.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.AccountKind;
import org.sahay.funds.LedgerAccount;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Component;

/** Finds the cash or bank account a request names, in the organisation's own books only. */
@Component
public class MoneyAccounts {

  private final LedgerStore ledger;

  MoneyAccounts(LedgerStore ledger) {
    this.ledger = ledger;
  }

  /**
   * The cash or bank account named by {@code id}; the cash account when {@code id} is blank and
   * {@code cashByDefault}; null with a message under {@code field} otherwise.
   */
  public LedgerAccount find(
      OrganisationId organisation,
      String id,
      boolean cashByDefault,
      String field,
      Map<String, String> errors) {
    if (id == null || id.isBlank()) {
      if (cashByDefault) {
        return ledger.accountByCode(organisation, Books.CASH);
      }
      errors.put(field, "funds.account.required");
      return null;
    }
    UUID value = Fields.id(id, field, "funds.account.unknown", errors);
    if (value == null) {
      return null;
    }
    Optional<LedgerAccount> account =
        ledger
            .account(organisation, new AccountId(value))
            .filter(a -> a.kind() == AccountKind.CASH || a.kind() == AccountKind.BANK);
    if (account.isEmpty()) {
      errors.put(field, "funds.account.unknown");
      return null;
    }
    return account.get();
  }
}
