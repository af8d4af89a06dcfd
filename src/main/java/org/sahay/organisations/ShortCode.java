package org.sahay.organisations;

import java.util.Locale;
import java.util.regex.Pattern;

/** An organisation's short code, 2 to 5 capital letters or digits; member codes start with it. */
public record ShortCode(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Z][A-Z0-9]{1,4}");

  public ShortCode {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid short code");
    }
  }

  /** Upper-cases and trims; returns null when what remains is not a valid code. */
  public static ShortCode parse(String text) {
    if (text == null) {
      return null;
    }
    String candidate = text.trim().toUpperCase(Locale.ROOT);
    return VALID.matcher(candidate).matches() ? new ShortCode(candidate) : null;
  }

  @Override
  public String toString() {
    return value;
  }
}
