package org.sahay.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of the survey sheet: a question, note, calculation or group. Expression columns hold their
 * source text; an empty string means the column is empty. {@code group} is the name of the
 * enclosing group, empty at the top level; {@code attributes} are the sahay_ columns.
 */
public record Question(
    int row,
    String name,
    QuestionType type,
    String listName,
    Text label,
    Text hint,
    String required,
    Text requiredMessage,
    String relevant,
    String constraint,
    Text constraintMessage,
    String calculation,
    String defaultValue,
    String group,
    Map<String, String> attributes) {

  public Question {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A sahay_ column of this row, empty when absent. */
  public String attribute(String column) {
    return attributes.getOrDefault(column, "");
  }

  public boolean isTopLevel() {
    return group.isEmpty();
  }
}
