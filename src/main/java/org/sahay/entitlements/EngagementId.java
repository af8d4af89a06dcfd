package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of an engagement with a stakeholder. */
public record EngagementId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public EngagementId {
    Objects.requireNonNull(value, "value");
  }

  public static EngagementId of(String text) {
    return new EngagementId(UUID.fromString(text));
  }

  public static EngagementId newId() {
    return new EngagementId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
