package org.sahay.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahay.platform.Language;

/** A text of the form in several languages, by language code (te, bn, hi, en, ...). */
public record Text(@JsonValue Map<String, String> byLanguage) {

  public static final Text EMPTY = new Text(Map.of());

  public Text {
    Map<String, String> kept = new LinkedHashMap<>();
    byLanguage.forEach(
        (code, text) -> {
          if (text != null && !text.isBlank()) {
            kept.put(code, text);
          }
        });
    byLanguage = Collections.unmodifiableMap(kept);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Text of(Map<String, String> byLanguage) {
    return new Text(byLanguage);
  }

  public boolean isEmpty() {
    return byLanguage.isEmpty();
  }

  /** The text in this language, else in the default language, else in any; empty if none. */
  public String in(Language language, String defaultLanguage) {
    return in(language.code(), defaultLanguage);
  }

  /** As {@link #in(Language, String)} for any language code. */
  public String in(String languageCode, String defaultLanguage) {
    String text = byLanguage.get(languageCode);
    if (text == null) {
      text = byLanguage.get(defaultLanguage);
    }
    if (text == null) {
      text = byLanguage.values().stream().findFirst().orElse("");
    }
    return text;
  }
}
