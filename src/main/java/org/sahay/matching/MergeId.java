package org.sahay.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a merge of two records. */
public record MergeId(@JsonValue UUID value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public MergeId {
    Objects.requireNonNull(value, "value");
  }

  public static MergeId of(String text) {
    return new MergeId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
