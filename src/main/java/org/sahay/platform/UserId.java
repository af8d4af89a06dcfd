package org.sahay.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a user account. */
public record UserId(@JsonValue UUID value) {

  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId of(String text) {
    return new UserId(UUID.fromString(text));
  }

  public static UserId newId() {
    return new UserId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
