package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a stakeholder in the advocacy log. */
public record StakeholderId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public StakeholderId {
    Objects.requireNonNull(value, "value");
  }

  public static StakeholderId of(String text) {
    return new StakeholderId(UUID.fromString(text));
  }

  public static StakeholderId newId() {
    return new StakeholderId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
