package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a fund (a campaign's, a grant's or the unrestricted fund). */
public record FundId(@JsonValue UUID value) {

  public FundId {
    Objects.requireNonNull(value, "value");
  }

  public static FundId of(String text) {
    return new FundId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
