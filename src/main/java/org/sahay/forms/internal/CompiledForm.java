package org.sahay.forms.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.forms.Question;

/**
 * A form ready to evaluate: each row with its parsed expressions, and the fields in the order in
 * which their values can be computed (what a value or its relevance refers to comes first).
 */
public record CompiledForm(
    FormContent content, Map<String, CompiledQuestion> questions, List<String> order) {

  public CompiledForm {
    questions = Collections.unmodifiableMap(new LinkedHashMap<>(questions));
    order = List.copyOf(order);
  }

  /**
   * A row with its expressions, null where the column is empty. {@code required} is null when the
   * answer is optional; {@code needCategory} and {@code needSeverity} are literals or expressions.
   */
  public record CompiledQuestion(
      Question question,
      Expr relevant,
      Expr required,
      Expr constraint,
      Expr calculation,
      String defaultValue,
      Expr needIf,
      Expr needCategory,
      Expr needSeverity) {}
}
