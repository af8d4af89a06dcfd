package org.sahay.forms.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.forms.FormProblem;
import org.sahay.forms.Question;
import org.sahay.forms.QuestionType;
import org.sahay.forms.internal.CompiledForm.CompiledQuestion;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;

/**
 * Parses every expression of a form, checks its references and defaults, and orders calculations
 * and relevance so that each is computed after what it refers to; a cycle refuses the form.
 */
public final class FormCompiler {

  public static final String NEED = "sahay_need";
  public static final String NEED_IF = "sahay_need_if";
  public static final String NEED_SEVERITY = "sahay_need_severity";

  private static final String SURVEY = XlsFormReader.SURVEY;

  /** The compiled form, or the problems that refuse it (then the form is null). */
  public record Result(CompiledForm form, List<FormProblem> problems) {}

  private final FormContent content;
  private final Map<String, Question> byName = new LinkedHashMap<>();
  private final List<FormProblem> problems = new ArrayList<>();

  private FormCompiler(FormContent content) {
    this.content = content;
    for (Question question : content.questions()) {
      byName.putIfAbsent(question.name(), question);
    }
  }

  public static Result compile(FormContent content) {
    return new FormCompiler(content).compileAll();
  }

  private Result compileAll() {
    Map<String, CompiledQuestion> compiled = new LinkedHashMap<>();
    for (Question q : content.questions()) {
      compiled.putIfAbsent(q.name(), compile(q));
    }
    List<String> order = order(compiled);
    if (!problems.isEmpty()) {
      return new Result(null, List.copyOf(problems));
    }
    return new Result(new CompiledForm(content, compiled, order), List.of());
  }

  private CompiledQuestion compile(Question q) {
    String need = q.attribute(NEED);
    String severity = q.attribute(NEED_SEVERITY);
    return new CompiledQuestion(
        q,
        expression(q, "relevant", q.relevant()),
        required(q),
        expression(q, "constraint", q.constraint()),
        expression(q, "calculation", q.calculation()),
        defaultValue(q),
        expression(q, NEED_IF, q.attribute(NEED_IF)),
        literalOrExpression(q, NEED, need, NeedCategory.fromCode(need).isPresent()),
        literalOrExpression(
            q, NEED_SEVERITY, severity, NeedSeverity.fromCode(severity).isPresent()));
  }

  private Expr required(Question q) {
    String text = q.required().strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty() || text.equals("no") || text.equals("false") || text.equals("0")) {
      return null;
    }
    if (text.equals("yes") || text.equals("true") || text.equals("1")) {
      return new Expr.Literal(Boolean.TRUE);
    }
    return expression(q, "required", q.required());
  }

  /** A bare lower-case word is a literal value and must be one of the known ones. */
  private Expr literalOrExpression(Question q, String column, String text, boolean known) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.matches("[a-z_]+")) {
      if (!known) {
        problem(q, "forms.problem.unknownValue", column, text);
      }
      return new Expr.Literal(text);
    }
    return expression(q, column, text);
  }

  private String defaultValue(Question q) {
    String text = q.defaultValue().strip();
    if (text.isEmpty() || !q.type().isInput()) {
      return null;
    }
    Answers.Outcome outcome =
        Answers.read(q, text, content.lists().getOrDefault(q.listName(), List.of()));
    if (outcome.error() != null) {
      problem(q, "forms.problem.badDefault", text);
      return null;
    }
    return outcome.typed().stored();
  }

  private Expr expression(Question q, String column, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Expr expr;
    try {
      expr = ExpressionParser.parse(text);
    } catch (ExpressionException e) {
      problem(q, e.messageKey(), column, String.valueOf(e.position()), e.detail());
      return null;
    }
    for (String name : ExpressionParser.references(expr)) {
      Question target = byName.get(name);
      if (target == null || target.type() == QuestionType.GROUP) {
        problem(q, "forms.problem.unknownReference", column, name);
      }
    }
    return expr;
  }

  /** Fields in form order, moved only as far as needed to follow what they depend on. */
  private List<String> order(Map<String, CompiledQuestion> compiled) {
    Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    for (CompiledQuestion cq : compiled.values()) {
      if (cq.question().type() != QuestionType.GROUP) {
        dependencies.put(cq.question().name(), dependencies(cq, compiled));
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    Set<String> remaining = new LinkedHashSet<>(dependencies.keySet());
    while (!remaining.isEmpty()) {
      String ready = null;
      for (String name : remaining) {
        if (placed.containsAll(dependencies.get(name))) {
          ready = name;
          break;
        }
      }
      if (ready != null) {
        order.add(ready);
        placed.add(ready);
        remaining.remove(ready);
      } else {
        List<String> cycle = cycle(remaining, dependencies);
        String first = remaining.stream().filter(cycle::contains).findFirst().orElseThrow();
        cycle.add(cycle.get(0));
        problem(byName.get(first), "forms.problem.cycle", String.join(" > ", cycle));
        placed.addAll(cycle);
        remaining.removeAll(cycle);
      }
    }
    return order;
  }

  private Set<String> dependencies(CompiledQuestion cq, Map<String, CompiledQuestion> compiled) {
    Set<String> names = new LinkedHashSet<>();
    if (cq.calculation() != null) {
      names.addAll(ExpressionParser.references(cq.calculation()));
    }
    CompiledQuestion current = cq;
    while (current != null) {
      if (current.relevant() != null) {
        names.addAll(ExpressionParser.references(current.relevant()));
      }
      String group = current.question().group();
      current = group.isEmpty() ? null : compiled.get(group);
    }
    names.removeIf(
        name -> !byName.containsKey(name) || byName.get(name).type() == QuestionType.GROUP);
    return names;
  }

  /** Follows unmet dependencies from the first remaining field until one repeats. */
  private static List<String> cycle(Set<String> remaining, Map<String, Set<String>> dependencies) {
    List<String> path = new ArrayList<>();
    String current = remaining.iterator().next();
    while (!path.contains(current)) {
      path.add(current);
      current =
          dependencies.get(current).stream().filter(remaining::contains).findFirst().orElseThrow();
    }
    return new ArrayList<>(path.subList(path.indexOf(current), path.size()));
  }

  private void problem(Question q, String key, String... details) {
    problems.add(new FormProblem(SURVEY, q.row(), key, List.of(details)));
  }
}
