package org.sahay.care;

import java.util.Map;

/** What recording a care record came to. */
public sealed interface CareOutcome<T> {

  record Saved<T>(T value) implements CareOutcome<T> {}

  /** Field name to message key for each wrong field. */
  record Invalid<T>(Map<String, String> errors) implements CareOutcome<T> {}

  /** It is there already (a dose recorded twice), said with a message key. */
  record Conflict<T>(String messageKey) implements CareOutcome<T> {}
}
