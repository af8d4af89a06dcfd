package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a grant. */
public record GrantId(@JsonValue UUID value) {

  public GrantId {
    Objects.requireNonNull(value, "value");
  }

  public static GrantId of(String text) {
    return new GrantId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
