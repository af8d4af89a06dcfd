package org.sahay.support;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a payment against a support line. */
public record DisbursementId(@JsonValue UUID value) {

  public DisbursementId {
    Objects.requireNonNull(value, "value");
  }

  /** The id written in a path or a form; IllegalArgumentException when it is not one. */
  public static DisbursementId of(String text) {
    return new DisbursementId(UUID.fromString(text.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
