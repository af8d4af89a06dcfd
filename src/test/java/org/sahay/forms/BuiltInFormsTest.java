package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahay.needs.AssessedNeed;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;
import org.sahay.platform.Language;

class BuiltInFormsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

  @ParameterizedTest
  @ValueSource(strings = {"household-needs", "phq9", "gad7"})
  void builtInFormParsesWithoutProblems(String id) {
    Sheets sheets = Sheets.fromClasspath("forms/" + id);
    FormParse parse = Forms.parse(sheets);

    assertThat(parse).isInstanceOf(FormParse.Parsed.class);
    FormDefinition form = ((FormParse.Parsed) parse).form();
    assertThat(form.version()).isEqualTo("1");
    assertThat(form.defaultLanguage()).isEqualTo("en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"household-needs", "phq9", "gad7"})
  void everyLabelAndChoiceOfABuiltInFormIsInFourLanguagesAndScripts(String id) {
    FormDefinition form = Forms.builtIn(id);
    for (Question q : form.questions()) {
      for (Text text : new Text[] {q.label(), q.hint(), q.constraintMessage()}) {
        if (!text.isEmpty() || (q.type() != QuestionType.CALCULATE && text == q.label())) {
          assertFourLanguages(q.name(), text);
        }
      }
      form.choices(q.listName()).forEach(c -> assertFourLanguages(c.name(), c.label()));
    }
  }

  private static void assertFourLanguages(String what, Text text) {
    assertThat(text.byLanguage()).as(what).containsOnlyKeys("en", "hi", "te", "bn");
    assertThat(inScript(text.byLanguage().get("hi"), Character.UnicodeScript.DEVANAGARI))
        .as(what)
        .isTrue();
    assertThat(inScript(text.byLanguage().get("te"), Character.UnicodeScript.TELUGU))
        .as(what)
        .isTrue();
    assertThat(inScript(text.byLanguage().get("bn"), Character.UnicodeScript.BENGALI))
        .as(what)
        .isTrue();
  }

  private static boolean inScript(String text, Character.UnicodeScript script) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
  }

  @Test
  void householdNeedsAssessmentTurnsAnswersIntoNeedsWithSeverity() {
    FormDefinition form = Forms.builtIn("household-needs");
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("visit_date", "2026-03-30");
    answers.put("household_size", "5");
    answers.put("children_school_age", "2");
    answers.put("food_shortage", "often");
    answers.put("ration_card", "no");
    answers.put("housing", "rented");
    answers.put("rent_arrears_months", "2");
    answers.put("eviction_threat", "yes");
    answers.put("electricity_arrears", "1500");
    answers.put("electricity_cut", "no");
    answers.put("medical_needs", "medicines art");
    answers.put("medical_people", "1");
    answers.put("distress", "no");
    answers.put("documents_missing", "none");
    answers.put("has_debt", "yes");
    answers.put("debt_amount", "20000");
    answers.put("debt_lenders", "moneylender");
    answers.put("debt_pressure", "no");
    answers.put("livelihood_lost", "fully");
    answers.put("income_last_month", "0");
    answers.put("unsafe", "no");
    answers.put("violence", "no");
    answers.put("school_dropout_risk", "yes");

    Evaluation evaluation = form.evaluate(answers, Language.TE, TODAY);

    assertThat(evaluation.errors()).isEmpty();
    assertThat(evaluation.needs())
        .extracting(AssessedNeed::category, AssessedNeed::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NeedCategory.FOOD, NeedSeverity.HIGH),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.DOCUMENTS, NeedSeverity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.RENT, NeedSeverity.URGENT),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.ELECTRICITY, NeedSeverity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.MEDICAL, NeedSeverity.HIGH),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.DEBT, NeedSeverity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.LIVELIHOOD, NeedSeverity.HIGH),
            org.assertj.core.groups.Tuple.tuple(NeedCategory.EDUCATION, NeedSeverity.MEDIUM));
    assertThat(evaluation.needs().get(2).fields())
        .containsExactly("rent_arrears_months", "eviction_threat");
  }

  @Test
  void householdNeedsAssessmentShowsOneGroupPerPageAndSkipsEducationWithoutChildren() {
    FormDefinition form = Forms.builtIn("household-needs");
    Evaluation evaluation =
        form.evaluate(
            Map.of("household_size", "2", "children_school_age", "0", "housing", "own"),
            Language.EN,
            TODAY);

    var pages = form.pages(evaluation);

    assertThat(pages)
        .extracting(Page::name)
        .containsExactly(
            "intro",
            "household",
            "food",
            "housing_rent",
            "electricity",
            "health",
            "documents",
            "debt",
            "livelihood",
            "safety",
            "education");
    assertThat(pages.get(10).relevant()).isFalse();
    assertThat(pages.get(3).questions()).extracting(Question::name).containsExactly("housing");
    assertThat(evaluation.errors())
        .containsKey("visit_date")
        .doesNotContainKey("rent_arrears_months");
  }
}
