package org.sahay.funds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a journal entry. */
public record JournalEntryId(@JsonValue UUID value) {

  public JournalEntryId {
    Objects.requireNonNull(value, "value");
  }

  public static JournalEntryId of(String text) {
    return new JournalEntryId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
