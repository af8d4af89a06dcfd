package org.sahay.needs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a need in the needs register. */
public record NeedId(@JsonValue UUID value) {

  public NeedId {
    Objects.requireNonNull(value, "value");
  }

  /** The id written in a path or a form; IllegalArgumentException when it is not one. */
  public static NeedId of(String text) {
    return new NeedId(UUID.fromString(text.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
