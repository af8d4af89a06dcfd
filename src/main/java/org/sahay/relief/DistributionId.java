package org.sahay.relief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a distribution. */
public record DistributionId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public DistributionId {
    Objects.requireNonNull(value, "value");
  }

  public static DistributionId of(String text) {
    return new DistributionId(UUID.fromString(text));
  }

  public static DistributionId newId() {
    return new DistributionId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
