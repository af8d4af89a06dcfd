package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of an account of the ledger. */
public record AccountId(@JsonValue UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId of(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
