package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a non-member recipient. */
public record RecipientId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RecipientId {
    Objects.requireNonNull(value, "value");
  }

  public static RecipientId of(String text) {
    return new RecipientId(UUID.fromString(text));
  }

  public static RecipientId newId() {
    return new RecipientId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
