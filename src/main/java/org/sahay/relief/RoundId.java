package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a distribution round. */
public record RoundId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RoundId {
    Objects.requireNonNull(value, "value");
  }

  public static RoundId of(String text) {
    return new RoundId(UUID.fromString(text));
  }

  public static RoundId newId() {
    return new RoundId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
