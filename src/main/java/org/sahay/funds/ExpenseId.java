package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of an expense. */
public record ExpenseId(@JsonValue UUID value) {

  public ExpenseId {
    Objects.requireNonNull(value, "value");
  }

  public static ExpenseId of(String text) {
    return new ExpenseId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
