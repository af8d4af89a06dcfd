package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahay.forms.Screenings.Band;
import org.sahay.needs.AssessedNeed;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;
import org.sahay.platform.Language;

class ScreeningsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
  private static final FormDefinition PHQ9 = Forms.builtIn("phq9");
  private static final FormDefinition GAD7 = Forms.builtIn("gad7");

  private static List<Integer> items(String written) {
    List<Integer> items = new ArrayList<>();
    for (String item : written.split(" ")) {
      items.add(Integer.parseInt(item));
    }
    return items;
  }

  private static Evaluation fill(FormDefinition form, String prefix, List<Integer> items) {
    Map<String, String> answers = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      answers.put(prefix + "_" + (i + 1), items.get(i).toString());
    }
    return form.evaluate(answers, Language.HI, TODAY);
  }

  @ParameterizedTest(name = "PHQ-9 {0} scores {1}, {2}, urgent {3}")
  @CsvSource({
    "0 0 0 0 0 0 0 0 0, 0, MINIMAL, false",
    "1 1 1 1 0 0 0 0 0, 4, MINIMAL, false",
    "1 1 1 1 1 0 0 0 0, 5, MILD, false",
    "2 2 2 1 1 1 0 0 0, 9, MILD, false",
    "2 2 2 2 2 0 0 0 0, 10, MODERATE, false",
    "2 2 2 2 2 2 2 0 0, 14, MODERATE, false",
    "3 3 3 2 2 2 0 0 0, 15, MODERATELY_SEVERE, false",
    "3 3 3 3 3 2 2 0 0, 19, MODERATELY_SEVERE, false",
    "3 3 3 3 3 3 2 0 0, 20, SEVERE, false",
    "3 3 3 3 3 3 3 3 3, 27, SEVERE, true",
    "0 0 0 0 0 0 0 0 1, 1, MINIMAL, true"
  })
  void phq9IsScoredAndBandedByScreeningsAndByTheForm(
      String written, int total, Band band, boolean urgent) {
    Screenings.Result result = Screenings.phq9(items(written));
    assertThat(result).isEqualTo(new Screenings.Result(total, band, urgent));

    Evaluation evaluation = fill(PHQ9, "phq9", items(written));
    assertThat(evaluation.isValid()).isTrue();
    assertThat(evaluation.values())
        .containsEntry("phq9_total", String.valueOf(total))
        .containsEntry("phq9_band", band.code())
        .containsEntry("phq9_urgent", urgent ? "1" : "0");
  }

  @ParameterizedTest(name = "GAD-7 {0} scores {1}, {2}")
  @CsvSource({
    "0 0 0 0 0 0 0, 0, MINIMAL",
    "1 1 1 1 0 0 0, 4, MINIMAL",
    "1 1 1 1 1 0 0, 5, MILD",
    "3 3 3 0 0 0 0, 9, MILD",
    "2 2 2 2 2 0 0, 10, MODERATE",
    "2 2 2 2 2 2 2, 14, MODERATE",
    "3 3 3 3 3 0 0, 15, SEVERE",
    "3 3 3 3 3 3 3, 21, SEVERE"
  })
  void gad7IsScoredAndBandedByScreeningsAndByTheForm(String written, int total, Band band) {
    assertThat(Screenings.gad7(items(written)))
        .isEqualTo(new Screenings.Result(total, band, false));

    Evaluation evaluation = fill(GAD7, "gad7", items(written));
    assertThat(evaluation.values())
        .containsEntry("gad7_total", String.valueOf(total))
        .containsEntry("gad7_band", band.code());
  }

  @Test
  void theFormsAgreeWithScreeningsOnManyAnswerSets() {
    Random random = new Random(20260331L);
    for (int round = 0; round < 300; round++) {
      List<Integer> phq = new ArrayList<>();
      List<Integer> gad = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        phq.add(random.nextInt(4));
      }
      for (int i = 0; i < 7; i++) {
        gad.add(random.nextInt(4));
      }
      Screenings.Result phqResult = Screenings.phq9(phq);
      Screenings.Result gadResult = Screenings.gad7(gad);
      Evaluation phqForm = fill(PHQ9, "phq9", phq);
      Evaluation gadForm = fill(GAD7, "gad7", gad);
      assertThat(phqForm.values().get("phq9_total")).isEqualTo(String.valueOf(phqResult.total()));
      assertThat(phqForm.values().get("phq9_band")).isEqualTo(phqResult.band().code());
      assertThat(phqForm.values().get("phq9_urgent")).isEqualTo(phqResult.urgent() ? "1" : "0");
      assertThat(gadForm.values().get("gad7_total")).isEqualTo(String.valueOf(gadResult.total()));
      assertThat(gadForm.values().get("gad7_band")).isEqualTo(gadResult.band().code());
    }
  }

  @Test
  void item9AboveZeroRaisesAnUrgentMentalHealthNeedForACounsellor() {
    Evaluation evaluation = fill(PHQ9, "phq9", items("0 0 0 0 0 0 0 0 1"));

    assertThat(evaluation.needs())
        .containsExactly(
            new AssessedNeed(
                NeedCategory.MENTAL_HEALTH, NeedSeverity.URGENT, List.of("phq9_urgent")));
  }

  @Test
  void aModerateScoreRaisesAMentalHealthNeedAndAMinimalOneDoesNot() {
    assertThat(fill(PHQ9, "phq9", items("2 2 2 2 2 0 0 0 0")).needs())
        .containsExactly(
            new AssessedNeed(
                NeedCategory.MENTAL_HEALTH, NeedSeverity.MEDIUM, List.of("phq9_band")));
    assertThat(fill(GAD7, "gad7", items("3 3 3 3 3 3 3")).needs())
        .containsExactly(
            new AssessedNeed(NeedCategory.MENTAL_HEALTH, NeedSeverity.HIGH, List.of("gad7_band")));
    assertThat(fill(PHQ9, "phq9", items("1 1 1 1 0 0 0 0 0")).needs()).isEmpty();
  }

  @Test
  void anUnfinishedScreeningHasNoScoreNoBandAndAsksForTheMissingItems() {
    Map<String, String> answers = Map.of("phq9_1", "3", "phq9_2", "3");

    Evaluation evaluation = PHQ9.evaluate(answers, Language.BN, TODAY);

    assertThat(evaluation.values()).doesNotContainKeys("phq9_total", "phq9_band");
    assertThat(evaluation.errors()).hasSize(7);
    assertThat(evaluation.needs()).isEmpty();
  }

  @Test
  void screeningsRefuseWrongItemCountsAndScores() {
    assertThatThrownBy(() -> Screenings.phq9(items("0 0 0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Screenings.gad7(items("0 0 0 0 0 0 4")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
