package org.sahay.forms;

import java.util.List;

/** A need raised by the answers: its category, the highest severity, the fields that raised it. */
public record Need(NeedCategory category, NeedSeverity severity, List<String> fields) {

  public Need {
    fields = List.copyOf(fields);
  }
}
