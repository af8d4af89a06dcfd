package org.sahay.forms;

import java.util.List;

/**
 * One screen of a form: a top-level group, or a single top-level question. {@code questions} are
 * the questions, notes and nested groups to show, relevant given the answers so far.
 */
public record Page(
    int number, String name, Text label, boolean relevant, List<Question> questions) {

  public Page {
    questions = List.copyOf(questions);
  }
}
