package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NameKeysTest {

  @Test
  void teluguBengaliDevanagariAndLatinSpellingsOfLakshmiShareOneKey() {
    assertOneKey("Lakshmi", "Laxmi", "Lakshmee", "Lakhsmi", "లక్ష్మి", "লক্ষ্মী", "लक्ष्मी");
  }

  @Test
  void teluguDevanagariAndLatinSpellingsOfVenkateshShareOneKey() {
    assertOneKey("Venkatesh", "VENKATESH", "వెంకటేష్", "वेंकटेश");
  }

  @Test
  void sriShriAndSreeSpellingsOfSrinivasShareOneKeyAcrossScripts() {
    assertOneKey("Srinivas", "Sreenivas", "Shrinivas", "శ్రీనివాస్", "श्रीनिवास", "শ্রীনিবাস");
  }

  @Test
  void teluguBengaliDevanagariAndLatinSpellingsOfDurgaShareOneKey() {
    assertOneKey("Durga", "దుర్గ", "দুর্গা", "दुर्गा");
  }

  @Test
  void teluguBengaliDevanagariAndLatinSpellingsOfRekhaShareOneKey() {
    assertOneKey("Rekha", "రేఖ", "রেখা", "रेखा");
  }

  @Test
  void tAndThLongVowelsAndBengaliBForVSpellingsOfParvatiShareOneKey() {
    assertOneKey(
        "Parvati", "Parvathi", "Paarvathi", "Parvathy", "Parbati", "పార్వతి", "পার্বতী", "पार्वती");
  }

  @Test
  void commonVariantsOfOtherNamesShareOneKey() {
    assertOneKey("Kamala", "Kamla", "కమల", "কমলা", "कमला");
    assertOneKey("Bhavana", "Bhavna", "భావన", "ভাবনা", "भावना");
    assertOneKey("Devi", "Debi", "దేవి", "দেবী", "देवी");
    assertOneKey("Krishna", "Krishno", "కృష్ణ", "কৃষ্ণ", "कृष्ण");
    assertOneKey("Moushumi", "Mousumi", "মৌসুমী");
    assertOneKey("Rahim", "রহিম", "रहीम", "రహీమ్");
  }

  @Test
  void clearlyDifferentNamesGetDifferentKeys() {
    assertDifferentKeys("Lakshmi", "Lalitha");
    assertDifferentKeys("Durga", "Devi");
    assertDifferentKeys("Rekha", "Radha");
    assertDifferentKeys("Parvati", "Padma");
    assertDifferentKeys("లక్ష్మి", "ললিতা");
    assertDifferentKeys("दुर्गा", "దేవి");
    assertDifferentKeys("রেখা", "राधा");
    assertDifferentKeys("పార్వతి", "পদ্মা");
  }

  @Test
  void aFinalVowelThatIsSpokenKeepsFemaleAndMaleNamesApart() {
    assertDifferentKeys("Lalita", "Lalit");
    assertDifferentKeys("Kamala", "Kamal");
    assertThat(NameKeys.phonetic("ललित")).isEqualTo(NameKeys.phonetic("Lalit"));
    assertThat(NameKeys.phonetic("कमल")).isEqualTo(NameKeys.phonetic("Kamal"));
  }

  @Test
  void multiWordNamesGiveOneKeyWordPerNameWord() {
    String key =
        assertOneKey("Lakshmi Devi", "Laxmi Debi", "లక్ష్మి దేవి", "লক্ষ্মী দেবী", "लक्ष्मी देवी");

    assertThat(NameKeys.words(key))
        .containsExactly(NameKeys.phonetic("Lakshmi"), NameKeys.phonetic("Devi"));
    assertDifferentKeys("Lakshmi Devi", "Devi Lakshmi");
    assertDifferentKeys("Lakshmi Devi", "Lakshmi");
  }

  @Test
  void extraSpacesPunctuationAndDigitsDoNotChangeTheKey() {
    assertOneKey(
        "Lakshmi Devi",
        "  Lakshmi   Devi  ",
        "Lakshmi\tDevi\n",
        "Lakshmi-Devi",
        "Lakshmi, Devi.",
        "(Lakshmi) Devi 2",
        "Lakshmi 42 Devi");
  }

  @Test
  void blankOrPunctuationOnlyInputGivesAnEmptyKeyWithNoWords() {
    for (String odd : List.of("", "   ", "\t\n", "!!!", "-- . --", "123", "৪২")) {
      assertThat(NameKeys.phonetic(odd)).as("key of [%s]", odd).isEmpty();
      assertThat(NameKeys.words(NameKeys.phonetic(odd))).as("words of [%s]", odd).isEmpty();
    }
  }

  @Test
  void latinGivesPlainLowerCaseAsciiWithSingleSpaces() {
    assertThat(NameKeys.latin("లక్ష్మి")).isEqualTo("laksmi");
    assertThat(NameKeys.latin("দুর্গা")).isEqualTo("durga");
    assertThat(NameKeys.latin("रेखा")).isEqualTo("rekha");
    assertThat(NameKeys.latin("Lakṣmī")).isEqualTo("laksmi");
    assertThat(NameKeys.latin("  PARVATHI   Devi, ")).isEqualTo("parvathi devi");
    assertThat(NameKeys.latin("Rekha-Rani")).isEqualTo("rekha rani");
    assertThat(NameKeys.latin("রেখা ২")).isEqualTo("rekha 2");
    assertThat(NameKeys.latin("")).isEmpty();

    for (String name :
        List.of("వెంకటేష్ శ్రీనివాస్", "শ্রীনিবাস", "श्रीनिवास", "Лакшми", "ಲಕ್ಷ್ಮಿ", "Zoë?!")) {
      assertThat(NameKeys.latin(name)).as("latin of %s", name).matches("[a-z0-9]+( [a-z0-9]+)*");
    }
  }

  @Test
  void wordsSplitsAKeyOnAnyRunOfSpaces() {
    assertThat(NameKeys.words("laksmi devi")).containsExactly("laksmi", "devi");
    assertThat(NameKeys.words("  laksmi  ")).containsExactly("laksmi");
    assertThat(NameKeys.words(" ")).isEmpty();
  }

  @Test
  void aMissingNameIsABugNotAnEmptyKey() {
    assertThatNullPointerException().isThrownBy(() -> NameKeys.phonetic(null));
    assertThatNullPointerException().isThrownBy(() -> NameKeys.latin(null));
  }

  @Test
  void manyThreadsAtOnceGetTheSameKeysAsOne() throws Exception {
    List<String> names =
        List.of("లక్ష్మి దేవి", "শ্রীনিবাস", "वेंकटेश", "Paarvathi", "রেখা", "दुर्गा", "Kamla");
    List<String> expected = names.stream().map(NameKeys::phonetic).toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results =
          IntStream.range(0, 64)
              .mapToObj(i -> pool.submit(() -> names.stream().map(NameKeys::phonetic).toList()))
              .toList();
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String assertOneKey(String... spellings) {
    String key = NameKeys.phonetic(spellings[0]);
    assertThat(key).as("key of %s", spellings[0]).isNotBlank();
    for (String spelling : spellings) {
      assertThat(NameKeys.phonetic(spelling))
          .as("key of %s, expected the key of %s", spelling, spellings[0])
          .isEqualTo(key);
    }
    return key;
  }

  private static void assertDifferentKeys(String one, String other) {
    assertThat(NameKeys.phonetic(one))
        .as("keys of %s and %s", one, other)
        .isNotEqualTo(NameKeys.phonetic(other));
  }
}
