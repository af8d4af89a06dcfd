package org.sahay.forms.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahay.forms.Choice;
import org.sahay.forms.Evaluation;
import org.sahay.forms.FieldError;
import org.sahay.forms.FormDefinition;
import org.sahay.forms.Page;
import org.sahay.forms.Question;
import org.sahay.forms.QuestionType;
import org.sahay.platform.Language;
import org.springframework.context.MessageSource;

/**
 * One question as a page shows it: texts in the user's language, the answer so far, choices with
 * whether they are chosen, and what is wrong with the answer (only once it has been given).
 */
public record QuestionView(
    String name,
    String kind,
    String label,
    String hint,
    String value,
    List<Option> options,
    String error) {

  /** A choice of a select question. */
  public record Option(String value, String label, boolean checked) {}

  public boolean hasError() {
    return error != null;
  }

  public boolean hasHint() {
    return !hint.isEmpty();
  }

  /** The ids the input is described by: its error, else its hint; null when neither. */
  public String describedBy() {
    if (hasError()) {
      return "q-" + name + "-error";
    }
    return hasHint() ? "q-" + name + "-hint" : null;
  }

  static List<QuestionView> of(
      FormDefinition form,
      Page page,
      Map<String, String> given,
      Evaluation evaluation,
      Language language,
      MessageSource messages) {
    List<QuestionView> views = new ArrayList<>();
    for (Question q : page.questions()) {
      String value = given.getOrDefault(q.name(), evaluation.answers().getOrDefault(q.name(), ""));
      String error =
          given.containsKey(q.name())
              ? evaluation.error(q.name()).map(e -> text(e, language, messages)).orElse(null)
              : null;
      List<Option> options = new ArrayList<>();
      if (q.type().isSelect()) {
        Set<String> chosen = Arrays.stream(value.split(" ")).collect(Collectors.toSet());
        for (Choice c : form.choices(q.listName())) {
          options.add(
              new Option(
                  c.name(),
                  c.label().in(language, form.defaultLanguage()),
                  chosen.contains(c.name())));
        }
      }
      views.add(
          new QuestionView(
              q.name(),
              q.type().name().toLowerCase(Locale.ROOT),
              q.label().in(language, form.defaultLanguage()),
              q.hint().in(language, form.defaultLanguage()),
              value,
              options,
              error));
    }
    return views;
  }

  /** The answer as a reader sees it: choice labels for select questions. */
  static String shown(FormDefinition form, Question q, String value, Language language) {
    if (!q.type().isSelect() || value.isBlank()) {
      return value;
    }
    Set<String> chosen = Arrays.stream(value.split(" ")).collect(Collectors.toSet());
    return form.choices(q.listName()).stream()
        .filter(c -> chosen.contains(c.name()))
        .map(c -> c.label().in(language, form.defaultLanguage()))
        .collect(Collectors.joining(", "));
  }

  static String text(FieldError error, Language language, MessageSource messages) {
    return error.hasFormText()
        ? error.formText()
        : messages.getMessage(
            error.messageKey(), error.args().toArray(), error.messageKey(), language.locale());
  }

  static boolean isInput(Question q) {
    return q.type().isInput() && q.type() != QuestionType.GROUP;
  }
}
