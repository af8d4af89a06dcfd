package org.sahay.support;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a support request's budget line. */
public record SupportLineId(@JsonValue UUID value) {

  public SupportLineId {
    Objects.requireNonNull(value, "value");
  }

  /** The id written in a path or a form; IllegalArgumentException when it is not one. */
  public static SupportLineId of(String text) {
    return new SupportLineId(UUID.fromString(text.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
