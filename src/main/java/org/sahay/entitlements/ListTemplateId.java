package org.sahay.entitlements;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/** Identifier of a template for district lists. */
public record ListTemplateId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ListTemplateId {
    Objects.requireNonNull(value, "value");
  }

  public static ListTemplateId of(String text) {
    return new ListTemplateId(UUID.fromString(text));
  }

  public static ListTemplateId newId() {
    return new ListTemplateId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
