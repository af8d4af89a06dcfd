package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a grant instalment. */
public record InstalmentId(@JsonValue UUID value) {

  public InstalmentId {
    Objects.requireNonNull(value, "value");
  }

  public static InstalmentId of(String text) {
    return new InstalmentId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
