package org.sahay.forms.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.forms.Choice;
import org.sahay.forms.Evaluation;
import org.sahay.forms.FieldError;
import org.sahay.forms.Page;
import org.sahay.forms.Question;
import org.sahay.forms.QuestionType;
import org.sahay.forms.Text;
import org.sahay.forms.internal.CompiledForm.CompiledQuestion;
import org.sahay.needs.AssessedNeed;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;
import org.sahay.platform.Language;

/**
 * Evaluates a filled form: fields in dependency order (relevance, then the calculation or the typed
 * answer), then required answers, constraints and needs. Never logs answers: they may be sensitive.
 */
public final class FormEvaluator {

  private final CompiledForm form;
  private final Map<String, String> raw;
  private final Language language;
  private final LocalDate today;
  private final Map<String, Object> expressionValues = new HashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> stored = new LinkedHashMap<>();
  private final Map<String, Boolean> groupRelevance = new HashMap<>();
  private final Set<String> relevant = new LinkedHashSet<>();
  private final Map<String, FieldError> errors = new LinkedHashMap<>();

  private FormEvaluator(
      CompiledForm form, Map<String, String> raw, Language language, LocalDate today) {
    this.form = form;
    this.raw = raw;
    this.language = language;
    this.today = today;
  }

  public static Evaluation evaluate(
      CompiledForm form, Map<String, String> answers, Language language, LocalDate today) {
    return new FormEvaluator(form, answers, language, today).run();
  }

  private Evaluation run() {
    for (String name : form.order()) {
      compute(form.questions().get(name));
    }
    for (CompiledQuestion cq : form.questions().values()) {
      if (relevant.contains(cq.question().name()) && cq.question().type().isInput()) {
        check(cq);
      }
    }
    List<AssessedNeed> needs = needs();
    Set<String> relevantInFormOrder = new LinkedHashSet<>();
    for (CompiledQuestion cq : form.questions().values()) {
      String name = cq.question().name();
      boolean isRelevant =
          cq.question().type() == QuestionType.GROUP
              ? groupRelevant(name)
              : relevant.contains(name);
      if (isRelevant) {
        relevantInFormOrder.add(name);
      }
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    Map<String, String> storedOrdered = new LinkedHashMap<>();
    for (String name : form.questions().keySet()) {
      if (values.containsKey(name)) {
        ordered.put(name, values.get(name));
      }
      if (stored.containsKey(name)) {
        storedOrdered.put(name, stored.get(name));
      }
    }
    return new Evaluation(ordered, storedOrdered, relevantInFormOrder, errors, needs);
  }

  private void compute(CompiledQuestion cq) {
    Question q = cq.question();
    String name = q.name();
    expressionValues.put(name, "");
    Object own = q.type().isInput() ? typedForExpression(cq) : "";
    if (!parentRelevant(q) || !holds(cq.relevant(), own, true)) {
      return;
    }
    relevant.add(name);
    if (q.type() == QuestionType.CALCULATE) {
      Object result = Evaluator.evaluate(cq.calculation(), scope(""));
      String text = Evaluator.string(result);
      if (result instanceof Double d && (d.isNaN() || d.isInfinite())) {
        text = "";
      }
      expressionValues.put(name, text);
      if (!text.isEmpty()) {
        values.put(name, text);
        stored.put(name, text);
      }
    } else if (q.type().isInput()) {
      String given = rawAnswer(cq);
      if (given.isBlank()) {
        return;
      }
      Answers.Outcome outcome = Answers.read(q, given, choices(q));
      if (outcome.error() != null) {
        errors.put(name, outcome.error());
        stored.put(name, given.strip());
        return;
      }
      expressionValues.put(name, outcome.typed().expressionValue());
      values.put(name, outcome.typed().value());
      stored.put(name, outcome.typed().stored());
    }
  }

  /** The answer as its type reads it, for a dot in the relevance of its own question. */
  private Object typedForExpression(CompiledQuestion cq) {
    String given = rawAnswer(cq);
    if (given.isBlank()) {
      return "";
    }
    Answers.Outcome outcome = Answers.read(cq.question(), given, choices(cq.question()));
    return outcome.error() == null ? outcome.typed().expressionValue() : "";
  }

  /** The answer given; the form default only when the field was not sent at all. */
  private String rawAnswer(CompiledQuestion cq) {
    String given = raw.get(cq.question().name());
    if (given == null && !raw.containsKey(cq.question().name())) {
      given = cq.defaultValue();
    }
    return given == null ? "" : given;
  }

  private boolean parentRelevant(Question q) {
    return q.group().isEmpty() || groupRelevant(q.group());
  }

  private boolean groupRelevant(String group) {
    Boolean known = groupRelevance.get(group);
    if (known != null) {
      return known;
    }
    CompiledQuestion cq = form.questions().get(group);
    boolean result = parentRelevant(cq.question()) && holds(cq.relevant(), "", true);
    groupRelevance.put(group, result);
    return result;
  }

  private void check(CompiledQuestion cq) {
    Question q = cq.question();
    String name = q.name();
    if (errors.containsKey(name)) {
      return;
    }
    Object value = expressionValues.get(name);
    if (Evaluator.string(value).isEmpty()) {
      if (cq.required() != null && holds(cq.required(), value, false)) {
        errors.put(name, formTextOrKey(q.requiredMessage(), "forms.answer.required"));
      }
      return;
    }
    if (!holds(cq.constraint(), value, true)) {
      errors.put(name, formTextOrKey(q.constraintMessage(), "forms.answer.constraint"));
    }
  }

  private FieldError formTextOrKey(Text text, String key) {
    if (text.isEmpty()) {
      return FieldError.ofKey(key);
    }
    return FieldError.ofFormText(text.in(language, form.content().defaultLanguage()));
  }

  /** Needs per category, each with its highest severity, in form order. */
  private List<AssessedNeed> needs() {
    Map<NeedCategory, NeedSeverity> severities = new LinkedHashMap<>();
    Map<NeedCategory, List<String>> fields = new LinkedHashMap<>();
    for (CompiledQuestion cq : form.questions().values()) {
      String name = cq.question().name();
      if (cq.needCategory() == null || !relevant.contains(name)) {
        continue;
      }
      Object own = expressionValues.get(name);
      boolean raised =
          cq.needIf() == null ? answered(own) : Evaluator.truthy(evaluate(cq.needIf(), own));
      if (!raised) {
        continue;
      }
      NeedCategory category =
          NeedCategory.fromCode(Evaluator.string(evaluate(cq.needCategory(), own))).orElse(null);
      NeedSeverity severity =
          cq.needSeverity() == null
              ? NeedSeverity.MEDIUM
              : NeedSeverity.fromCode(Evaluator.string(evaluate(cq.needSeverity(), own)))
                  .orElse(NeedSeverity.MEDIUM);
      if (category == null) {
        continue;
      }
      severities.merge(category, severity, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      fields.computeIfAbsent(category, k -> new ArrayList<>()).add(name);
    }
    List<AssessedNeed> needs = new ArrayList<>();
    severities.forEach(
        (category, severity) ->
            needs.add(new AssessedNeed(category, severity, fields.get(category))));
    return needs;
  }

  /** Without sahay_need_if, an answer raises its need unless it is empty, no, none, 0 or false. */
  private static boolean answered(Object value) {
    String text = Evaluator.string(value).strip();
    if (text.isEmpty()) {
      return false;
    }
    for (String part : text.split("\\s+")) {
      if (!List.of("no", "none", "0", "false").contains(part)) {
        return true;
      }
    }
    return false;
  }

  private boolean holds(Expr expr, Object dot, boolean whenAbsent) {
    return expr == null ? whenAbsent : Evaluator.truthy(evaluate(expr, dot));
  }

  private Object evaluate(Expr expr, Object dot) {
    return Evaluator.evaluate(expr, scope(dot));
  }

  private Evaluator.Scope scope(Object dot) {
    return new Evaluator.Scope() {
      @Override
      public Object value(String name) {
        return expressionValues.getOrDefault(name, "");
      }

      @Override
      public Object dot() {
        return dot;
      }

      @Override
      public LocalDate today() {
        return today;
      }
    };
  }

  private List<Choice> choices(Question q) {
    return form.content().lists().getOrDefault(q.listName(), List.of());
  }

  /** One page per top-level group, and one per top-level question that is shown. */
  public static List<Page> pages(CompiledForm form, Evaluation evaluation) {
    List<Page> pages = new ArrayList<>();
    for (CompiledQuestion cq : form.questions().values()) {
      Question q = cq.question();
      if (!q.isTopLevel() || q.type() == QuestionType.CALCULATE) {
        continue;
      }
      List<Question> shown = new ArrayList<>();
      if (q.type() == QuestionType.GROUP) {
        for (CompiledQuestion inner : form.questions().values()) {
          if (within(form, inner.question(), q.name())
              && inner.question().type() != QuestionType.CALCULATE
              && evaluation.isRelevant(inner.question().name())) {
            shown.add(inner.question());
          }
        }
        if (!hasVisible(form, q.name())) {
          continue;
        }
      } else if (evaluation.isRelevant(q.name())) {
        shown.add(q);
      }
      boolean visible =
          evaluation.isRelevant(q.name())
              && shown.stream().anyMatch(s -> s.type() != QuestionType.GROUP);
      pages.add(
          new Page(pages.size() + 1, q.name(), q.label(), visible, visible ? shown : List.of()));
    }
    return pages;
  }

  private static boolean hasVisible(CompiledForm form, String group) {
    return form.questions().values().stream()
        .map(CompiledQuestion::question)
        .anyMatch(
            inner ->
                within(form, inner, group)
                    && inner.type() != QuestionType.CALCULATE
                    && inner.type() != QuestionType.GROUP);
  }

  private static boolean within(CompiledForm form, Question question, String group) {
    String parent = question.group();
    while (!parent.isEmpty()) {
      if (parent.equals(group)) {
        return true;
      }
      parent = form.questions().get(parent).question().group();
    }
    return false;
  }
}
