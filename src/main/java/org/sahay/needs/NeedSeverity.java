package org.sahay.needs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How pressing a need is, as written in a sahay_need_severity column; later is more pressing. */
public enum NeedSeverity {
  LOW,
  MEDIUM,
  HIGH,
  URGENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NeedSeverity> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code().equals(code.strip())).findFirst();
  }
}
