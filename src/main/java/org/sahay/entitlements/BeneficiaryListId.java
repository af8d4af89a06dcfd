package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a beneficiary list sent to a district office. */
public record BeneficiaryListId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public BeneficiaryListId {
    Objects.requireNonNull(value, "value");
  }

  public static BeneficiaryListId of(String text) {
    return new BeneficiaryListId(UUID.fromString(text));
  }

  public static BeneficiaryListId newId() {
    return new BeneficiaryListId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
