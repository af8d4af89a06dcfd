package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a stock location. */
public record LocationId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public LocationId {
    Objects.requireNonNull(value, "value");
  }

  public static LocationId of(String text) {
    return new LocationId(UUID.fromString(text));
  }

  public static LocationId newId() {
    return new LocationId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
