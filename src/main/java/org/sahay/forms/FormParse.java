package org.sahay.forms;

import java.util.List;

/** The outcome of reading a form: a definition, or the problems that refuse it. */
public sealed interface FormParse permits FormParse.Parsed, FormParse.Refused {

  /** The form was read and checked. */
  record Parsed(FormDefinition form) implements FormParse {}

  /** The form is refused, for every listed reason (sheet, row, message key). */
  record Refused(List<FormProblem> problems) implements FormParse {
    public Refused {
      problems = List.copyOf(problems);
    }
  }
}
