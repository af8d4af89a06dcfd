package org.sahay.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a household. */
public record HouseholdId(@JsonValue UUID value) {

  public HouseholdId {
    Objects.requireNonNull(value, "value");
  }

  public static HouseholdId of(String text) {
    return new HouseholdId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
