package org.sahay.relief;

/** Where received stock came from. */
public enum StockSource {
  DONATION_IN_KIND,
  /** Bought; the receipt may name the expense in the funds ledger that paid for it. */
  PURCHASE,
  GOVERNMENT,
  NETWORK,
  STAKEHOLDER
}
