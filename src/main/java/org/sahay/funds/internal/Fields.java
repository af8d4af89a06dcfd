package org.sahay.funds.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.Money;

/**
 * Reads the fields of funds requests. Each reader puts a message key under the field's name when
 * the value is wrong and answers null; callers go on and collect every wrong field at once.
 */
public final class Fields {

  /** ₹1,000 crore: more than any amount a collective, network or funder here records at once. */
  public static final long MAX_PAISE = 1_000_000_000_000L;

  private Fields() {}

  /** An amount sent either in paise or as rupees (2500, 2,500.50, ₹23,00,000), positive. */
  public static Money amount(Long paise, String rupees, String field, Map<String, String> errors) {
    boolean hasRupees = rupees != null && !rupees.isBlank();
    if (paise != null && hasRupees) {
      errors.put(field, "funds.amount.both");
      return null;
    }
    if (paise == null && !hasRupees) {
      errors.put(field, "funds.amount.required");
      return null;
    }
    Money money;
    try {
      money = paise != null ? Money.ofPaise(paise) : Money.parse(rupees);
    } catch (RuntimeException e) {
      errors.put(field, "funds.amount.invalid");
      return null;
    }
    if (money.paise() <= 0 || money.paise() > MAX_PAISE) {
      errors.put(field, "funds.amount.invalid");
      return null;
    }
    return money;
  }

  /** Required text of at most {@code max} characters, stripped. */
  public static String text(String value, int max, String field, Map<String, String> errors) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      errors.put(field, "funds.text.required");
      return null;
    }
    if (stripped.length() > max) {
      errors.put(field, "funds.text.tooLong");
      return null;
    }
    return stripped;
  }

  /** Optional text of at most {@code max} characters; blank is null. */
  public static String optionalText(
      String value, int max, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return text(value, max, field, errors);
  }

  /** A date as yyyy-mm-dd; {@code required} or null when missing. */
  public static LocalDate date(
      String value, boolean required, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.put(field, "funds.date.invalid");
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "funds.date.invalid");
      return null;
    }
  }

  /** One of the enum's names, in any case; {@code key} names the message for anything else. */
  public static <E extends Enum<E>> E choice(
      Class<E> type, String value, String field, String key, Map<String, String> errors) {
    if (value != null) {
      String wanted = value.strip().toUpperCase(Locale.ROOT);
      for (E option : type.getEnumConstants()) {
        if (option.name().equals(wanted)) {
          return option;
        }
      }
    }
    errors.put(field, key);
    return null;
  }

  /** An id as a UUID; null (with the message) when it is none. */
  public static UUID id(String value, String field, String key, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, key);
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, key);
      return null;
    }
  }
}
