package org.sahay.funds;

/**
 * Kinds of ledger accounts. Cash and bank accounts hold money (debit balances); funds are the
 * organisation's net assets, each restricted to a campaign or grant or unrestricted (credit
 * balances); income and expense accounts are what the income and expenditure account shows.
 */
public enum AccountKind {
  CASH,
  BANK,
  FUND,
  INCOME,
  EXPENSE
}
