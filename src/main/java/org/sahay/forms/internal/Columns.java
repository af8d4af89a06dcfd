package org.sahay.forms.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A header cell split into its column name and language, as in label::Telugu (te). */
record Columns(String base, String language) {

  private static final Pattern CODE_IN_BRACKETS =
      Pattern.compile(".*\\(\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\\s*\\)\\s*");
  private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?");
  private static final Map<String, String> NAMES =
      Map.of("english", "en", "hindi", "hi", "telugu", "te", "bengali", "bn", "bangla", "bn");

  /** Splits a header; the language is empty when none is given, null when it cannot be read. */
  static Columns of(String header) {
    String text = header.strip();
    int split = text.indexOf("::");
    if (split < 0) {
      return new Columns(text.toLowerCase(Locale.ROOT), "");
    }
    String base = text.substring(0, split).strip().toLowerCase(Locale.ROOT);
    return new Columns(base, language(text.substring(split + 2)));
  }

  /** The code of a language written as Telugu (te), te or Telugu; null when not understood. */
  static String language(String written) {
    String text = written.strip();
    Matcher matcher = CODE_IN_BRACKETS.matcher(text);
    if (matcher.matches()) {
      return matcher.group(1).toLowerCase(Locale.ROOT);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (NAMES.containsKey(lower)) {
      return NAMES.get(lower);
    }
    return CODE.matcher(text).matches() ? lower : null;
  }
}
