package org.sahay.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;

/**
 * Identifier of a filled-in form (a submission); needs keep it as the plain value of the assessment
 * they came from.
 */
public record SubmissionId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SubmissionId {
    Objects.requireNonNull(value, "value");
  }

  public static SubmissionId of(String text) {
    return new SubmissionId(UUID.fromString(text));
  }

  public static SubmissionId newId() {
    return new SubmissionId(Ids.newId());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
