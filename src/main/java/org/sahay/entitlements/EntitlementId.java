package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of where one member or household stands with one scheme. */
public record EntitlementId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public EntitlementId {
    Objects.requireNonNull(value, "value");
  }

  public static EntitlementId of(String text) {
    return new EntitlementId(UUID.fromString(text));
  }

  public static EntitlementId newId() {
    return new EntitlementId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
