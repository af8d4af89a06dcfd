package org.sahay.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;

/** The checks every care record shares: the actor's own collective, dates, bounded text. */
final class CareChecks {

  private CareChecks() {}

  /** The actor's own organisation, where the policy permits the action; 404 with none. */
  static OrganisationId own(AccessPolicy policy, Actor by, CareAction action) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, action, own);
    return own;
  }

  /**
   * A day as yyyy-mm-dd, {@code today} when blank; a day that cannot be read, or is after {@code
   * today}, is put in {@code errors}.
   */
  static LocalDate date(String text, String field, LocalDate today, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return today;
    }
    try {
      LocalDate day = LocalDate.parse(text.strip());
      if (day.isAfter(today)) {
        errors.put(field, "care.date.future");
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.put(field, "care.date.invalid");
      return null;
    }
  }

  /** Text stripped, none when blank; longer than {@code max} is put in {@code errors}. */
  static String text(String text, int max, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > max) {
      errors.put(field, "care.text.tooLong");
    }
    return stripped;
  }
}
