package org.sahay.support;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a support request. */
public record SupportRequestId(@JsonValue UUID value) {

  public SupportRequestId {
    Objects.requireNonNull(value, "value");
  }

  /** The id written in a path or a form; IllegalArgumentException when it is not one. */
  public static SupportRequestId of(String text) {
    return new SupportRequestId(UUID.fromString(text.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
