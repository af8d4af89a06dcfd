package org.sahay.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Sahay speaks from the first page. */
public enum Language {
  EN("en", "English"),
  HI("hi", "हिन्दी"),
  TE("te", "తెలుగు"),
  BN("bn", "বাংলা");

  private final String code;
  private final String nativeName;

  Language(String code, String nativeName) {
    this.code = code;
    this.nativeName = nativeName;
  }

  public String code() {
    return code;
  }

  public String nativeName() {
    return nativeName;
  }

  /** The locale for messages, with India as region so that numbers group the Indian way. */
  public Locale locale() {
    return new Locale(code, "IN");
  }

  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
  }

  public static Language of(Locale locale) {
    return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
  }
}
