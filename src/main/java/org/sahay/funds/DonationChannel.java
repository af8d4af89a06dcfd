package org.sahay.funds;

/** How a donation arrived. */
public enum DonationChannel {
  UPI,
  BANK_TRANSFER,
  CASH,
  ONLINE_PLATFORM
}
