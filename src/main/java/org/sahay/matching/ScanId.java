package org.sahay.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a scan for duplicates. */
public record ScanId(@JsonValue UUID value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ScanId {
    Objects.requireNonNull(value, "value");
  }

  public static ScanId of(String text) {
    return new ScanId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
