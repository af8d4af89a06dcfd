package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sahay.forms.FormFixtures.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.needs.AssessedNeed;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;
import org.sahay.platform.Language;

class FormEvaluationTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

  private static final String CHOICES =
      """
      list_name|name|label
      yes_no|yes|Yes
      yes_no|no|No
      food|rice|Rice
      food|dal|Dal
      food|oil|Oil
      """;

  private static final FormDefinition TYPES =
      form(
          """
          type|name|label
          text|name|Name
          integer|age|Age
          decimal|income|Income
          date|born|Born on
          select_one yes_no|works|Works?
          select_multiple food|needs|Needs
          note|thanks|Thank you
          """,
          CHOICES);

  private static Evaluation evaluate(FormDefinition form, Map<String, String> answers) {
    return form.evaluate(answers, Language.EN, TODAY);
  }

  @Test
  void answersOfEveryTypeComeBackTyped() {
    Evaluation evaluation =
        evaluate(
            TYPES,
            Map.of(
                "name", "Asha",
                "age", " 34 ",
                "income", "1500.50",
                "born", "1990-05-17",
                "works", "yes",
                "needs", "rice  oil rice"));

    assertThat(evaluation.errors()).isEmpty();
    assertThat(evaluation.values())
        .containsExactly(
            Map.entry("name", "Asha"),
            Map.entry("age", 34L),
            Map.entry("income", new BigDecimal("1500.50")),
            Map.entry("born", LocalDate.of(1990, 5, 17)),
            Map.entry("works", "yes"),
            Map.entry("needs", List.of("rice", "oil")));
    assertThat(evaluation.answers()).containsEntry("age", "34").containsEntry("needs", "rice oil");
  }

  @Test
  void answersThatDoNotFitTheirTypeGetAnErrorAndAreKeptAsTyped() {
    Evaluation evaluation =
        evaluate(
            TYPES,
            Map.of(
                "age", "34.5",
                "income", "lots",
                "born", "2026-02-30",
                "works", "maybe",
                "needs", "rice salt"));

    assertThat(evaluation.errors())
        .containsExactly(
            Map.entry("age", FieldError.ofKey("forms.answer.integer")),
            Map.entry("income", FieldError.ofKey("forms.answer.decimal")),
            Map.entry("born", FieldError.ofKey("forms.answer.date")),
            Map.entry("works", FieldError.ofKey("forms.answer.choice")),
            Map.entry("needs", FieldError.ofKey("forms.answer.choice")));
    assertThat(evaluation.values()).isEmpty();
    assertThat(evaluation.answers()).containsEntry("born", "2026-02-30");
    assertThat(evaluation.isValid()).isFalse();
  }

  @Test
  void requiredMayBeYesOrAnExpressionAndHasItsOwnMessage() {
    FormDefinition form =
        form(
            """
            type|name|label|required|required_message::Telugu (te)
            integer|age|Age|yes|
            text|phone|Phone|${age} >= 18|ఫోన్ నంబర్ రాయండి
            text|note|Note|no|
            """);

    assertThat(form.evaluate(Map.of(), Language.TE, TODAY).errors())
        .containsExactly(Map.entry("age", FieldError.ofKey("forms.answer.required")));
    assertThat(form.evaluate(Map.of("age", "30"), Language.TE, TODAY).errors())
        .containsExactly(Map.entry("phone", FieldError.ofFormText("ఫోన్ నంబర్ రాయండి")));
    assertThat(form.evaluate(Map.of("age", "12"), Language.TE, TODAY).isValid()).isTrue();
  }

  @Test
  void aNonRelevantQuestionAndEverythingInANonRelevantGroupIsSkippedAndItsAnswerDropped() {
    FormDefinition form =
        form(
            """
            type|name|label|relevant|required
            select_one yes_no|rents|Do you rent?||yes
            integer|months|Months due|${rents} = 'yes'|yes
            begin_group|debts|Debts|${rents} = 'yes'|
            integer|amount|Amount||yes
            begin_group|lender|Lender||
            text|lender_name|Name||yes
            end_group|||
            end_group|||
            text|other|Other||
            """,
            CHOICES);

    Evaluation evaluation =
        evaluate(
            form,
            Map.of(
                "rents", "no", "months", "4", "amount", "9000", "lender_name", "X", "other", "y"));

    assertThat(evaluation.values()).containsOnlyKeys("rents", "other");
    assertThat(evaluation.answers()).containsOnlyKeys("rents", "other");
    assertThat(evaluation.relevant()).containsExactly("rents", "other");
    assertThat(evaluation.isValid()).isTrue();

    Evaluation renting = evaluate(form, Map.of("rents", "yes"));
    assertThat(renting.errors()).containsOnlyKeys("months", "amount", "lender_name");
    assertThat(renting.relevant()).contains("debts", "lender", "lender_name");
  }

  @Test
  void constraintMessagesComeInTheRequestedLanguageThenTheDefaultThenAny() {
    FormDefinition form =
        form(
            "type|name|label|constraint|constraint_message|constraint_message::Hindi (hi)"
                + "|constraint_message::Telugu (te)|constraint_message::Bengali (bn)\n"
                + "integer|age|Age|. >= 0 and . <= 120|Write an age from 0 to 120."
                + "|0 से 120 तक उम्र लिखें।|0 నుండి 120 వరకు వయసు రాయండి."
                + "|0 থেকে 120 এর মধ্যে বয়স লিখুন।\n"
                + "integer|kids|Children|. < 20||||বিশের কম লিখুন।\n"
                + "integer|rooms|Rooms|. < 10||||");
    Map<String, String> answers = Map.of("age", "130", "kids", "25", "rooms", "12");

    assertThat(form.evaluate(answers, Language.EN, TODAY).errors())
        .containsExactly(
            Map.entry("age", FieldError.ofFormText("Write an age from 0 to 120.")),
            Map.entry("kids", FieldError.ofFormText("বিশের কম লিখুন।")),
            Map.entry("rooms", FieldError.ofKey("forms.answer.constraint")));
    assertThat(form.evaluate(answers, Language.HI, TODAY).error("age").orElseThrow().formText())
        .isEqualTo("0 से 120 तक उम्र लिखें।");
    assertThat(form.evaluate(answers, Language.TE, TODAY).error("age").orElseThrow().formText())
        .isEqualTo("0 నుండి 120 వరకు వయసు రాయండి.");
    assertThat(form.evaluate(answers, Language.BN, TODAY).error("age").orElseThrow().formText())
        .isEqualTo("0 থেকে 120 এর মধ্যে বয়স লিখুন।");
  }

  @Test
  void constraintsAreNotCheckedOnEmptyAnswersAndMayReferToOtherFields() {
    FormDefinition form =
        form(
            """
            type|name|label|constraint
            integer|people|People|
            integer|children|Children|. <= ${people}
            date|visit|Visit|. <= today()
            """);

    assertThat(evaluate(form, Map.of("people", "3")).isValid()).isTrue();
    assertThat(evaluate(form, Map.of("people", "3", "children", "4")).errors())
        .containsOnlyKeys("children");
    assertThat(evaluate(form, Map.of("visit", "2026-04-01")).errors()).containsOnlyKeys("visit");
    assertThat(evaluate(form, Map.of("visit", "2026-03-31")).isValid()).isTrue();
  }

  @Test
  void calculationsRunInDependencyOrderWhateverTheirRowOrder() {
    FormDefinition form =
        form(
            """
            type|name|label|calculation|relevant
            calculate|total||${per_person} * ${people}|
            calculate|per_person||${base} + 10|
            integer|people|People||
            calculate|base||if(${people} > 4, 100, 50)|
            note|big|Big household||${total} > 500
            """);

    Evaluation evaluation = evaluate(form, Map.of("people", "5"));

    assertThat(evaluation.values())
        .containsEntry("base", "100")
        .containsEntry("per_person", "110")
        .containsEntry("total", "550");
    assertThat(evaluation.isRelevant("big")).isTrue();
    assertThat(evaluate(form, Map.of()).values()).doesNotContainKey("total");
  }

  @Test
  void defaultsApplyOnlyToFieldsNotSent() {
    FormDefinition form =
        form(
            """
            type|name|label|default
            integer|people|People|1
            select_one yes_no|works|Works?|no
            """,
            CHOICES);

    assertThat(evaluate(form, Map.of()).values())
        .containsExactly(Map.entry("people", 1L), Map.entry("works", "no"));
    Map<String, String> blank = new HashMap<>();
    blank.put("people", "");
    blank.put("works", null);
    assertThat(evaluate(form, blank).values()).isEmpty();
  }

  @Test
  void unknownAnswerNamesAreIgnored() {
    assertThat(evaluate(TYPES, Map.of("nobody", "x")).values()).isEmpty();
  }

  @Test
  void pagesAreTopLevelGroupsAndSingleQuestionsWithWhatIsRelevantSoFar() {
    FormDefinition form =
        form(
            """
            type|name|label|relevant|calculation
            note|intro|Welcome||
            select_one yes_no|rents|Do you rent?||
            begin_group|rent|Rent|${rents} = 'yes'|
            integer|months|Months due||
            calculate|hidden|||1
            end_group||||
            begin_group|food|Food||
            select_one yes_no|hungry|Hungry?||
            integer|meals|Meals a day|${hungry} = 'yes'|
            end_group||||
            calculate|score|||2
            """,
            CHOICES);

    List<Page> pages = form.pages(evaluate(form, Map.of("rents", "no", "hungry", "yes")));

    assertThat(pages)
        .extracting(Page::number, Page::name, Page::relevant)
        .containsExactly(
            tuple(1, "intro", true),
            tuple(2, "rents", true),
            tuple(3, "rent", false),
            tuple(4, "food", true));
    assertThat(pages.get(3).questions())
        .extracting(Question::name)
        .containsExactly("hungry", "meals");
    assertThat(pages.get(2).questions()).isEmpty();
    assertThat(pages.get(3).label().in(Language.EN, "en")).isEqualTo("Food");
  }

  @Test
  void needsAreRaisedByAnswersAndKeepTheHighestSeverityPerCategory() {
    FormDefinition form =
        form(
            """
            type|name|label|sahay_need|sahay_need_if|sahay_need_severity
            select_one yes_no|hungry|Hungry?|food||
            select_multiple food|short_of|Short of|food||if(selected(., 'rice'), 'high', 'low')
            integer|months|Rent due months|rent|. > 0|if(. >= 3, 'urgent', 'medium')
            select_one yes_no|safe|Safe at home?|safety|. = 'no'|urgent
            """,
            CHOICES);

    Evaluation evaluation =
        evaluate(
            form, Map.of("hungry", "yes", "short_of", "rice dal", "months", "0", "safe", "yes"));
    assertThat(evaluation.needs())
        .containsExactly(
            new AssessedNeed(NeedCategory.FOOD, NeedSeverity.HIGH, List.of("hungry", "short_of")));

    Evaluation other = evaluate(form, Map.of("hungry", "no", "months", "4", "safe", "no"));
    assertThat(other.needs())
        .extracting(AssessedNeed::category, AssessedNeed::severity)
        .containsExactly(
            tuple(NeedCategory.RENT, NeedSeverity.URGENT),
            tuple(NeedCategory.SAFETY, NeedSeverity.URGENT));
  }
}
