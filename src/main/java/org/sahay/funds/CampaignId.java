package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a crowdfunding campaign. */
public record CampaignId(@JsonValue UUID value) {

  public CampaignId {
    Objects.requireNonNull(value, "value");
  }

  public static CampaignId of(String text) {
    return new CampaignId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
