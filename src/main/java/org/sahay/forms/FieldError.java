package org.sahay.forms;

import java.util.List;

/**
 * What is wrong with one answer: either the form's own message, already in the requested language,
 * or a message key with its arguments.
 */
public record FieldError(String messageKey, List<String> args, String formText) {

  public FieldError {
    args = List.copyOf(args);
  }

  public static FieldError ofKey(String messageKey, String... args) {
    return new FieldError(messageKey, List.of(args), "");
  }

  public static FieldError ofFormText(String text) {
    return new FieldError("", List.of(), text);
  }

  public boolean hasFormText() {
    return !formText.isEmpty();
  }
}
