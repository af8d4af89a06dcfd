package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a stock batch. */
public record BatchId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public BatchId {
    Objects.requireNonNull(value, "value");
  }

  public static BatchId of(String text) {
    return new BatchId(UUID.fromString(text));
  }

  public static BatchId newId() {
    return new BatchId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
