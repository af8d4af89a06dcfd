package org.sahay.needs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a household or member needs, as written in a sahay_need column. */
public enum NeedCategory {
  FOOD,
  RENT,
  ELECTRICITY,
  MEDICAL,
  MENTAL_HEALTH,
  DOCUMENTS,
  DEBT,
  LIVELIHOOD,
  SAFETY,
  EDUCATION;

  /** The value written in forms, for example mental_health. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NeedCategory> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code().equals(code.strip())).findFirst();
  }
}
