package org.sahay.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a member. */
public record MemberId(@JsonValue UUID value) {

  public MemberId {
    Objects.requireNonNull(value, "value");
  }

  public static MemberId of(String text) {
    return new MemberId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
