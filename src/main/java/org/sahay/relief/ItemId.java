package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of an item. */
public record ItemId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ItemId {
    Objects.requireNonNull(value, "value");
  }

  public static ItemId of(String text) {
    return new ItemId(UUID.fromString(text));
  }

  public static ItemId newId() {
    return new ItemId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
