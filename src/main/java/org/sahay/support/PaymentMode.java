package org.sahay.support;

import java.util.Locale;
import java.util.Optional;

/**
 * How a support payment reached its recipient; a transfer leaves a bank account, cash leaves cash.
 */
public enum PaymentMode {
  BANK_TRANSFER,
  UPI,
  CASH;

  /** The mode typed or sent (any case, spaces around), or empty when it is none of these. */
  public static Optional<PaymentMode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Paid out of a bank account (a transfer or UPI), not out of cash in hand. */
  public boolean fromBank() {
    return this != CASH;
  }
}
