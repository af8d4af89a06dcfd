package org.sahay.forms;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.forms.internal.CompiledForm;
import org.sahay.forms.internal.FormCompiler;
import org.sahay.forms.internal.FormContent;
import org.sahay.forms.internal.FormEvaluator;
import org.sahay.platform.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checked form of one version: its questions and choice lists, evaluation of answers, pages, and
 * a JSON form to store beside the answers given against it.
 */
public final class FormDefinition {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompiledForm compiled;

  private FormDefinition(CompiledForm compiled) {
    this.compiled = compiled;
  }

  static FormParse of(FormContent content) {
    FormCompiler.Result result = FormCompiler.compile(content);
    if (!result.problems().isEmpty()) {
      return new FormParse.Refused(result.problems());
    }
    return new FormParse.Parsed(new FormDefinition(result.form()));
  }

  public String formId() {
    return content().formId();
  }

  public String version() {
    return content().version();
  }

  public String title() {
    return content().title();
  }

  /** The language code of the columns without a language (en unless the settings say else). */
  public String defaultLanguage() {
    return content().defaultLanguage();
  }

  /** Every row of the survey sheet in order, groups included. */
  public List<Question> questions() {
    return content().questions();
  }

  public Optional<Question> question(String name) {
    return Optional.ofNullable(compiled.questions().get(name)).map(q -> q.question());
  }

  /** The choices of a list, empty if there is no such list. */
  public List<Choice> choices(String listName) {
    return content().lists().getOrDefault(listName, List.of());
  }

  /** The language codes the form has labels in. */
  public Set<String> languages() {
    Set<String> codes = new LinkedHashSet<>();
    codes.add(defaultLanguage());
    for (Question q : questions()) {
      codes.addAll(q.label().byLanguage().keySet());
    }
    return codes;
  }

  /**
   * Checks answers (field name to ODK answer text; select_multiple values separated by spaces).
   * Fields not sent take the form default; unknown names are ignored; form messages come in the
   * given language.
   */
  public Evaluation evaluate(Map<String, String> answers, Language language, LocalDate today) {
    return FormEvaluator.evaluate(compiled, answers, language, today);
  }

  /** The pages of this form given an evaluation of the answers so far. */
  public List<Page> pages(Evaluation evaluation) {
    return FormEvaluator.pages(compiled, evaluation);
  }

  /** The definition as JSON, to store with its version; {@link #fromJson} reads it back. */
  public String toJson() {
    return JSON.writeValueAsString(content());
  }

  /** Reads a definition stored by {@link #toJson}; throws if it is not a valid definition. */
  public static FormDefinition fromJson(String json) {
    FormContent content = JSON.readValue(json, FormContent.class);
    FormParse parse = of(content);
    if (parse instanceof FormParse.Refused refused) {
      throw new IllegalArgumentException("stored form is not valid: " + refused.problems());
    }
    return ((FormParse.Parsed) parse).form();
  }

  private FormContent content() {
    return compiled.content();
  }

  @Override
  public String toString() {
    return "FormDefinition[" + formId() + " " + version() + "]";
  }
}
