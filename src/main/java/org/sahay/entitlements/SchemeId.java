package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a scheme in the catalogue. */
public record SchemeId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SchemeId {
    Objects.requireNonNull(value, "value");
  }

  public static SchemeId of(String text) {
    return new SchemeId(UUID.fromString(text));
  }

  public static SchemeId newId() {
    return new SchemeId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
