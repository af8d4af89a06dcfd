package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a kit. */
public record KitId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public KitId {
    Objects.requireNonNull(value, "value");
  }

  public static KitId of(String text) {
    return new KitId(UUID.fromString(text));
  }

  public static KitId newId() {
    return new KitId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
