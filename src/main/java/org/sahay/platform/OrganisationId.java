package org.sahay.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of an organisation; every organisation-owned row carries one. */
public record OrganisationId(@JsonValue UUID value) {

  public OrganisationId {
    Objects.requireNonNull(value, "value");
  }

  public static OrganisationId of(String text) {
    return new OrganisationId(UUID.fromString(text));
  }

  public static OrganisationId newId() {
    return new OrganisationId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
