package org.sahay.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages a member speaks, as ISO 639 codes, shown by their own names (an autonym reads the same
 * in every language of the interface). More than the four Sahay is written in: members of
 * collectives in Andhra Pradesh and West Bengal also speak Urdu, Odia, Tamil, Kannada, Nepali or
 * Santali, and a counsellor or a district official may need to know.
 */
public enum SpokenLanguage {
  TE("te", "తెలుగు"),
  BN("bn", "বাংলা"),
  HI("hi", "हिन्दी"),
  UR("ur", "اردو"),
  EN("en", "English"),
  OR("or", "ଓଡ଼ିଆ"),
  TA("ta", "தமிழ்"),
  KN("kn", "ಕನ್ನಡ"),
  MR("mr", "मराठी"),
  NE("ne", "नेपाली"),
  SAT("sat", "ᱥᱟᱱᱛᱟᱲᱤ");

  private final String code;
  private final String autonym;

  SpokenLanguage(String code, String autonym) {
    this.code = code;
    this.autonym = autonym;
  }

  public String code() {
    return code;
  }

  public String autonym() {
    return autonym;
  }

  public static Optional<SpokenLanguage> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
  }

  /** The autonym for a stored code; the code itself when it is not (or no longer) listed. */
  public static String autonymOf(String code) {
    return fromCode(code).map(SpokenLanguage::autonym).orElse(code);
  }
}
