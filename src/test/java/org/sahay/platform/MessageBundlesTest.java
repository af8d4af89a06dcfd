package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every message, none empty, with the same placeholders as English. */
class MessageBundlesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  @ParameterizedTest
  @ValueSource(strings = {"hi", "te", "bn"})
  void bundleHasEveryKeyOfEnglishAndNoneEmpty(String language) throws IOException {
    Properties english = load("i18n/messages.properties");
    Properties other = load("i18n/messages_" + language + ".properties");
    assertThat(other.stringPropertyNames())
        .as("keys of messages_%s", language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String value = other.getProperty(key);
      assertThat(value).as("%s in %s", key, language).isNotBlank();
      assertThat(placeholders(value))
          .as("placeholders of %s in %s", key, language)
          .isEqualTo(placeholders(english.getProperty(key)));
      assertThat(value).as("%s in %s has an apostrophe", key, language).doesNotContain("'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hi", "te", "bn"})
  void bundleIsWrittenInItsOwnScript(String language) throws IOException {
    Properties other = load("i18n/messages_" + language + ".properties");
    Character.UnicodeScript expected =
        switch (language) {
          case "hi" -> Character.UnicodeScript.DEVANAGARI;
          case "te" -> Character.UnicodeScript.TELUGU;
          default -> Character.UnicodeScript.BENGALI;
        };
    long inScript =
        other.stringPropertyNames().stream()
            .filter(
                key ->
                    other
                        .getProperty(key)
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == expected))
            .count();
    assertThat(inScript).isGreaterThan(other.size() * 8L / 10);
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
