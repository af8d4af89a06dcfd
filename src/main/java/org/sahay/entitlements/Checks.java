package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;

/** What the module's services check the same way: the own organisation, typed text and dates. */
final class Checks {

  private Checks() {}

  /** The actor's own organisation, where the action is permitted; none is not found. */
  static OrganisationId own(AccessPolicy policy, Actor by, EntitlementAction action) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, action, by.organisation());
    return by.organisation();
  }

  /** Text as typed, stripped; blank is none; longer than {@code max} is an error of the field. */
  static String text(String text, int max, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.length() > max) {
      errors.put(field, "scheme.text.tooLong");
    }
    return value;
  }

  /** A date as yyyy-mm-dd; blank is none; anything else is an error of the field. */
  static LocalDate date(String text, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "entitlement.on.invalid");
      return null;
    }
  }
}
