package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a donation. */
public record DonationId(@JsonValue UUID value) {

  public DonationId {
    Objects.requireNonNull(value, "value");
  }

  public static DonationId of(String text) {
    return new DonationId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
