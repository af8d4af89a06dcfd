package org.sahay.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Record linkage on its own labelled synthetic register (see {@link SyntheticPeople}): the goal of
 * issue 18 is F1 at least 0.95 with precision at least 0.97 for the "likely" band. The report, per
 * pair of scripts, goes to {@code target/linkage-quality.txt}.
 */
class LinkageQualityTest {

  @Test
  void likelyPairsReachTheGoalOnTheLabelledRegister() throws Exception {
    var register = new SyntheticPeople(7).register(20_000, 20, 0.2);
    var report = LinkageQuality.measure(register);
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/linkage-quality.txt"),
        register.size()
            + " records of 20000 people, seed 7\n"
            + report.table()
            + "\n"
            + report.model()
            + "\n");
    assertThat(report.all().truePairs).isGreaterThan(3000);
    assertThat(report.all().precision()).isGreaterThanOrEqualTo(0.97);
    assertThat(report.all().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.byScripts())
        .containsKeys("BENGALI-LATIN", "LATIN-TELUGU", "DEVANAGARI-TELUGU");
    report.byScripts().values().forEach(c -> assertThat(c.f1()).isGreaterThan(0.9));
  }

  @Test
  void aWomanAndHerSisterOnOnePhoneAreNotOnePerson() {
    var keyed = LinkageQuality.hmac("k");
    var her =
        org.sahay.matching.internal.MatchKeys.of(
            new org.sahay.matching.internal.MatchKeys.Plain(
                "Sunita Reddy", null, 1984, "9876543210", null, "Kothapalli", "Guntur"),
            keyed);
    var sister =
        org.sahay.matching.internal.MatchKeys.of(
            new org.sahay.matching.internal.MatchKeys.Plain(
                "Anitha Reddy", null, 1988, "9876543210", null, "Kothapalli", "Guntur"),
            keyed);
    var result =
        org.sahay.matching.internal.Linkage.run(
            new int[2],
            new org.sahay.matching.internal.MatchFeatures[] {her, sister},
            org.sahay.matching.internal.LinkageModel.configured());
    assertThat(result.candidates().size()).isEqualTo(1);
    assertThat(result.bands()[0]).isNotEqualTo(Band.LIKELY);
  }

  @Test
  void aFileCheckedAgainstTheCollectiveFindsWhatAWholeScanFindsForItsRows() {
    var register = new SyntheticPeople(11).register(6_000, 10, 0.2);
    var keyed = LinkageQuality.hmac("k");
    var features = new org.sahay.matching.internal.MatchFeatures[register.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = org.sahay.matching.internal.MatchKeys.of(register.get(i).plain(), keyed);
    }
    int[] collective = new int[features.length];
    int probes = 500;
    var model = org.sahay.matching.internal.LinkageModel.configured();
    var whole = org.sahay.matching.internal.Linkage.run(collective, features, model);
    var probed = org.sahay.matching.internal.Linkage.run(collective, features, model, probes);
    java.util.Map<Long, Band> expected = new java.util.HashMap<>();
    for (int i = 0; i < whole.candidates().size(); i++) {
      if (whole.candidates().first(i) < probes) {
        expected.put(whole.candidates().pairs()[i], whole.bands()[i]);
      }
    }
    java.util.Map<Long, Band> found = new java.util.HashMap<>();
    for (int i = 0; i < probed.candidates().size(); i++) {
      found.put(probed.candidates().pairs()[i], probed.bands()[i]);
    }
    assertThat(expected).hasSizeGreaterThan(probes / 2);
    assertThat(found).isEqualTo(expected);
    assertThat(probed.candidates().size()).isLessThan(whole.candidates().size() / 4);
  }
}
