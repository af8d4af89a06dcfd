package org.sahay.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a pair of members that may be one person. */
public record PairId(@JsonValue UUID value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public PairId {
    Objects.requireNonNull(value, "value");
  }

  public static PairId of(String text) {
    return new PairId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
