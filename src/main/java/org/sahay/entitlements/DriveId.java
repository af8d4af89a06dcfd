package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a drive. */
public record DriveId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public DriveId {
    Objects.requireNonNull(value, "value");
  }

  public static DriveId of(String text) {
    return new DriveId(UUID.fromString(text));
  }

  public static DriveId newId() {
    return new DriveId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
