package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahay.forms.FormFixtures.form;
import static org.sahay.forms.FormFixtures.problems;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahay.platform.Language;

class XlsFormParsingTest {

  private static final String YES_NO = "list_name|name|label\nyes_no|yes|Yes\nyes_no|no|No";

  private static FormProblem problem(int row, String key, String... details) {
    return new FormProblem("survey", row, key, List.of(details));
  }

  @Test
  void readsEverySupportedType() {
    FormDefinition form =
        form(
            """
            type|name|label|calculation
            text|name|Name|
            integer|age|Age|
            decimal|income|Income|
            date|born|Born on|
            begin_group|about|About|
            select_one yes_no|works|Works?|
            select multiple yes_no|both|Both?|
            note|thanks|Thank you|
            end_group|||
            calculate|double_age||${age} * 2
            """,
            YES_NO);

    assertThat(form.questions())
        .extracting(Question::name, Question::type, Question::listName, Question::group)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("name", QuestionType.TEXT, "", ""),
            org.assertj.core.groups.Tuple.tuple("age", QuestionType.INTEGER, "", ""),
            org.assertj.core.groups.Tuple.tuple("income", QuestionType.DECIMAL, "", ""),
            org.assertj.core.groups.Tuple.tuple("born", QuestionType.DATE, "", ""),
            org.assertj.core.groups.Tuple.tuple("about", QuestionType.GROUP, "", ""),
            org.assertj.core.groups.Tuple.tuple(
                "works", QuestionType.SELECT_ONE, "yes_no", "about"),
            org.assertj.core.groups.Tuple.tuple(
                "both", QuestionType.SELECT_MULTIPLE, "yes_no", "about"),
            org.assertj.core.groups.Tuple.tuple("thanks", QuestionType.NOTE, "", "about"),
            org.assertj.core.groups.Tuple.tuple("double_age", QuestionType.CALCULATE, "", ""));
    assertThat(form.questions().get(1).row()).isEqualTo(3);
    assertThat(form.choices("yes_no")).extracting(Choice::name).containsExactly("yes", "no");
    assertThat(form.formId()).isEqualTo("test_form");
    assertThat(form.version()).isEqualTo("1");
  }

  @Test
  void readsLabelsHintsAndMessagesPerLanguageWrittenInEveryAcceptedWay() {
    FormDefinition form =
        form(
            "type|name|label|label::Hindi (hi)|label::te|label::Bengali|hint::Bengali (bn)"
                + "|constraint|constraint_message::Hindi (hi)\n"
                + "integer|age|Age|उम्र|వయసు|বয়স|বছরে লিখুন|. < 120|उम्र 120 से कम होनी चाहिए");

    Question age = form.question("age").orElseThrow();
    assertThat(age.label().byLanguage())
        .containsExactly(
            Map.entry("en", "Age"),
            Map.entry("hi", "उम्र"),
            Map.entry("te", "వయసు"),
            Map.entry("bn", "বয়স"));
    assertThat(age.label().in(Language.TE, form.defaultLanguage())).isEqualTo("వయసు");
    assertThat(age.hint().in(Language.HI, form.defaultLanguage())).isEqualTo("বছরে লিখুন");
    assertThat(age.constraintMessage().in(Language.HI, "en"))
        .isEqualTo("उम्र 120 से कम होनी चाहिए");
    assertThat(form.languages()).containsExactly("en", "hi", "te", "bn");
  }

  @Test
  void keepsSahayColumnsAsAttributesAndIgnoresAppearance() {
    FormDefinition form =
        form(
            """
            type|name|label|appearance|sahay_need|sahay_need_severity|sahay_follow_up
            integer|rent_due|Months of rent due|numbers|rent|high|leader
            """);

    assertThat(form.question("rent_due").orElseThrow().attributes())
        .containsExactly(
            Map.entry("sahay_need", "rent"),
            Map.entry("sahay_need_severity", "high"),
            Map.entry("sahay_follow_up", "leader"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "geopoint",
        "image",
        "begin_repeat",
        "select_one_from_file places.csv",
        "select_one yes_no or_other",
        "rank yes_no",
        "select_one"
      })
  void refusesUnsupportedTypesWithSheetRowAndType(String type) {
    List<FormProblem> problems =
        problems("type|name|label\ntext|name|Name\n" + type + "|where|Where", YES_NO);

    assertThat(problems).containsExactly(problem(3, "forms.problem.unknownType", type));
  }

  @Test
  void aReferenceToARowRefusedForItsTypeIsNotReportedAgain() {
    List<FormProblem> problems =
        problems("type|name|label|relevant\ngeopoint|where|Where|\ntext|why|Why|${where} != ''");

    assertThat(problems).containsExactly(problem(2, "forms.problem.unknownType", "geopoint"));
  }

  @Test
  void refusesAColumnFeatureOnlyWhereARowUsesIt() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|choice_filter|repeat_count|media::image
            select_one yes_no|a|A||
            select_one yes_no|b|B|name = 'yes'||
            text|c|C|||photo.jpg
            """,
            YES_NO);

    assertThat(problems)
        .containsExactly(
            problem(3, "forms.problem.unsupportedColumn", "choice_filter"),
            problem(4, "forms.problem.unsupportedColumn", "media::image"));
  }

  @Test
  void refusesDuplicateNamesMissingListsAndUnknownReferences() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|relevant
            text|name|Name|
            integer|name|Age|
            select_one colours|colour|Colour|
            text|why|Why|${nam} != ''
            """,
            YES_NO);

    assertThat(problems)
        .containsExactly(
            problem(3, "forms.problem.duplicateName", "name", "2"),
            problem(4, "forms.problem.missingList", "colours"),
            problem(5, "forms.problem.unknownReference", "relevant", "nam"));
  }

  @Test
  void refusesUnbalancedGroups() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label
            end_group||
            begin_group|a|A
            text|x|X
            begin group|b|B
            text|y|Y
            end group||
            """);

    assertThat(problems)
        .containsExactly(
            problem(2, "forms.problem.unexpectedEndGroup"),
            problem(3, "forms.problem.unclosedGroup", "a"));
  }

  @Test
  void refusesBrokenExpressionsWithColumnAndPosition() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|constraint|relevant|calculation
            integer|age|Age|. >= 0 and|
            integer|kids|Children||sum(${age})
            calculate|half||||${age} div
            """);

    assertThat(problems)
        .containsExactly(
            problem(2, "forms.problem.badExpression", "constraint", "11", "end"),
            problem(3, "forms.problem.unknownFunction", "relevant", "1", "sum"),
            problem(4, "forms.problem.badExpression", "calculation", "11", "end"));
  }

  @Test
  void refusesCalculationsThatDependOnEachOtherInACircle() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|calculation|relevant
            calculate|a||${c} + 1|
            calculate|b||${a} + 1|
            calculate|c||${b} + 1|
            integer|d|D||${d} > 1
            """);

    assertThat(problems)
        .containsExactly(
            problem(2, "forms.problem.cycle", "a > c > b > a"),
            problem(5, "forms.problem.cycle", "d > d"));
  }

  @Test
  void refusesUnknownNeedCategoriesAndBadDefaults() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|default|sahay_need|sahay_need_severity
            integer|a|A|many|food|
            integer|b|B||shelter|
            integer|c|C||food|extreme
            """);

    assertThat(problems)
        .containsExactly(
            problem(2, "forms.problem.badDefault", "many"),
            problem(3, "forms.problem.unknownValue", "sahay_need", "shelter"),
            problem(4, "forms.problem.unknownValue", "sahay_need_severity", "extreme"));
  }

  @Test
  void refusesMissingLabelsNamesAndCalculations() {
    List<FormProblem> problems =
        problems(
            """
            type|name|label|calculation
            integer|a||
            integer||B|
            calculate|c||
            integer|2d|D|
            """);

    assertThat(problems)
        .containsExactly(
            problem(2, "forms.problem.missingLabel", "a"),
            problem(3, "forms.problem.emptyCell", "name"),
            problem(4, "forms.problem.emptyCell", "calculation"),
            problem(5, "forms.problem.badName", "2d"));
  }

  @Test
  void refusesAFormWithoutFormIdOrVersionOrSurvey() {
    FormParse parse =
        Forms.parseTsv(
            FormFixtures.sheets(
                "type|label\ntext|Name", null, "form_title|default_language\nA form|Klingon"));

    assertThat(((FormParse.Refused) parse).problems())
        .containsExactly(
            problem(1, "forms.problem.missingColumn", "name"),
            new FormProblem("settings", 2, "forms.problem.emptyCell", List.of("form_id")),
            new FormProblem("settings", 2, "forms.problem.emptyCell", List.of("version")),
            new FormProblem("settings", 2, "forms.problem.unknownLanguage", List.of("Klingon")));
  }

  @Test
  void refusesDuplicateChoicesAndASelectWithoutChoicesSheet() {
    assertThat(
            problems(
                "type|name|label\nselect_one yes_no|a|A",
                "list_name|name|label\n" + "yes_no|yes|Yes\nyes_no|yes|Yes again"))
        .containsExactly(
            new FormProblem(
                "choices", 3, "forms.problem.duplicateChoice", List.of("yes_no", "yes", "2")));
    assertThat(problems("type|name|label\nselect_one yes_no|a|A"))
        .containsExactly(
            new FormProblem("choices", 0, "forms.problem.missingSheet", List.of("yes_no")));
  }

  @Test
  void problemArgumentsStartWithSheetAndRow() {
    FormProblem problem = problem(3, "forms.problem.unknownType", "geopoint");

    assertThat(problem.arguments()).containsExactly("survey", "3", "geopoint");
  }

  @Test
  void readsAnXlsxWorkbookWithTheSameRowNumbersAsTheSpreadsheet() {
    FormParse parse =
        FormFixtures.parseXlsx(
            Map.of(
                "survey",
                "type|name|label::English (en)|label::Telugu (te)\n"
                    + "select_one yes_no|works|Works?|పని చేస్తున్నారా?\n"
                    + "integer|age|Age|వయసు",
                "choices",
                YES_NO,
                "settings",
                "form_id|version\nxlsx_form|2"));

    FormDefinition form = ((FormParse.Parsed) parse).form();
    assertThat(form.formId()).isEqualTo("xlsx_form");
    assertThat(form.version()).isEqualTo("2");
    assertThat(form.question("age").orElseThrow().row()).isEqualTo(3);
    assertThat(form.question("works").orElseThrow().label().in(Language.TE, "en"))
        .isEqualTo("పని చేస్తున్నారా?");
  }

  @Test
  void refusesAnXlsxWorkbookWithItsProblemRows() {
    FormParse parse =
        FormFixtures.parseXlsx(
            Map.of(
                "survey",
                "type|name|label\ninteger|age|Age\n\ngeopoint|where|Where\ntext|age|Again",
                "settings",
                "form_id|version\nxlsx_form|1"));

    assertThat(((FormParse.Refused) parse).problems())
        .containsExactly(
            problem(4, "forms.problem.unknownType", "geopoint"),
            problem(5, "forms.problem.duplicateName", "age", "2"));
  }

  @Test
  void refusesAFileThatIsNotAWorkbook() {
    FormParse parse =
        Forms.parseXlsx(
            new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8)));

    assertThat(((FormParse.Refused) parse).problems())
        .containsExactly(new FormProblem("", 0, "forms.problem.unreadable", List.of()));
  }
}
