package org.sahay.needs;

/**
 * A need a filled form raised, as recorded: {@code was} is the severity an open need of the same
 * category had before this assessment updated it, or null when the need is new.
 */
public record RecordedNeed(
    NeedId need, NeedCategory category, NeedSeverity severity, NeedSeverity was) {

  public boolean updated() {
    return was != null;
  }
}
