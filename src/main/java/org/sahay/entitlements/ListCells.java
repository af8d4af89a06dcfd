package org.sahay.entitlements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sahay.registry.DistrictSharing;
import org.springframework.context.MessageSource;

/** A member's cells in a list, in the template's columns, words in the template's language. */
final class ListCells {

  private ListCells() {}

  static List<String> of(
      ListTemplate template,
      DistrictSharing.Shared m,
      int position,
      LocalDate day,
      MessageSource messages) {
    java.util.Locale locale = java.util.Locale.forLanguageTag(template.language().code());
    List<String> cells = new ArrayList<>();
    for (ListColumn column : template.columns()) {
      cells.add(
          switch (column) {
            case SERIAL -> String.valueOf(position);
            case CODE -> m.code();
            case NAME -> m.name();
            case GENDER ->
                m.gender() == null
                    ? ""
                    : messages.getMessage("member.gender." + m.gender().name(), null, locale);
            case AGE -> m.birthYear() == null ? "" : String.valueOf(day.getYear() - m.birthYear());
            case YEAR_OF_BIRTH -> m.birthYear() == null ? "" : String.valueOf(m.birthYear());
            case PHONE -> blank(m.phone());
            case VILLAGE -> blank(m.village());
            case DISTRICT -> blank(m.district());
            case AADHAAR_LAST_FOUR -> blank(m.aadhaarLastFour());
            case RATION_CARD ->
                m.rationCard() == null
                    ? messages.getMessage("member.no", null, locale)
                    : m.rationCard().isEmpty()
                        ? messages.getMessage("member.yes", null, locale)
                        : m.rationCard();
            case BANK_ACCOUNT ->
                messages.getMessage(m.bankAccount() ? "member.yes" : "member.no", null, locale);
            case LISTED_ON -> day.format(BeneficiaryLists.dates(template));
          });
    }
    return cells;
  }

  private static String blank(String text) {
    return text == null ? "" : text;
  }
}
