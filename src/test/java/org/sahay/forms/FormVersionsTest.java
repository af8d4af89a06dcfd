package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahay.platform.Language;

class FormVersionsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
  private static final String CHOICES =
      "list_name|name|label|label::te\nyes_no|yes|Yes|అవును\n" + "yes_no|no|No|లేదు";

  private static FormDefinition version(String version, String peopleField) {
    FormParse parse =
        Forms.parseTsv(
            FormFixtures.sheets(
                "type|name|label|label::Telugu (te)|required|constraint|constraint_message::te\n"
                    + "integer|"
                    + peopleField
                    + "|People|సభ్యులు|yes|. >= 1|కనీసం ఒకరు\n"
                    + "select_one yes_no|rents|Rent?|అద్దె?|yes||",
                CHOICES,
                "form_id|version\nhousehold_check|" + version));
    return ((FormParse.Parsed) parse).form();
  }

  @Test
  void answersGivenAgainstVersionOneStayReadableThroughItsStoredDefinition() {
    FormDefinition first = version("1", "people");
    Map<String, String> stored =
        first.evaluate(Map.of("people", "4", "rents", "yes"), Language.EN, TODAY).answers();
    String storedDefinition = first.toJson();

    FormDefinition second = version("2", "household_size");
    assertThat(second.version()).isEqualTo("2");
    Evaluation againstSecond = second.evaluate(stored, Language.EN, TODAY);
    assertThat(againstSecond.values()).doesNotContainKey("people");
    assertThat(againstSecond.errors()).containsOnlyKeys("household_size");

    FormDefinition readBack = FormDefinition.fromJson(storedDefinition);
    Evaluation againstFirst = readBack.evaluate(stored, Language.TE, TODAY);
    assertThat(readBack.formId()).isEqualTo("household_check");
    assertThat(readBack.version()).isEqualTo("1");
    assertThat(againstFirst.isValid()).isTrue();
    assertThat(againstFirst.values()).containsEntry("people", 4L).containsEntry("rents", "yes");
    assertThat(readBack.question("people").orElseThrow().label().in(Language.TE, "en"))
        .isEqualTo("సభ్యులు");
    assertThat(readBack.choices("yes_no").get(0).label().in(Language.TE, "en")).isEqualTo("అవును");
    assertThat(readBack.evaluate(Map.of("people", "0"), Language.TE, TODAY).errors().get("people"))
        .isEqualTo(FieldError.ofFormText("కనీసం ఒకరు"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"household-needs", "phq9", "gad7"})
  void aDefinitionReadBackFromJsonIsTheSameDefinition(String id) {
    FormDefinition form = Forms.builtIn(id);
    String json = form.toJson();

    FormDefinition readBack = FormDefinition.fromJson(json);

    assertThat(readBack.questions()).isEqualTo(form.questions());
    assertThat(readBack.toJson()).isEqualTo(json);
    assertThat(json).contains("\"schema\":1").contains("\"formId\"");
  }

  @Test
  void aStoredDefinitionThatIsNotValidIsNotRead() {
    String json = version("1", "people").toJson().replace("\". >= 1\"", "\". >= \"");

    assertThatThrownBy(() -> FormDefinition.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
