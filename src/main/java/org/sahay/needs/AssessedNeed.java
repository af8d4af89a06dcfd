package org.sahay.needs;

import java.util.List;

/**
 * A need an assessment raised (a filled form's answers): its category, the highest severity the
 * answers gave it, and the fields that raised it.
 */
public record AssessedNeed(NeedCategory category, NeedSeverity severity, List<String> fields) {

  public AssessedNeed {
    fields = List.copyOf(fields);
  }
}
