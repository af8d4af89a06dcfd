package org.sahay.platform;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * Numbers, money and dates the way people in India read them: lakh and crore grouping (₹23,00,000)
 * in every language. Digits stay Latin in all four languages, because the same lists and receipts
 * travel between collectives, banks and district offices.
 */
public final class IndianFormats {

  /** The zone an organisation's dates and times are in unless it chose another. */
  public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  private IndianFormats() {}

  /** Money with the rupee sign and Indian grouping; paise shown only when there are any. */
  public static String money(Money money, Language language) {
    NumberFormat format = NumberFormat.getCurrencyInstance(uLocale(language));
    int fraction = money.paise() % 100 == 0 ? 0 : 2;
    format.setMinimumFractionDigits(fraction);
    format.setMaximumFractionDigits(fraction);
    return format.format(money.rupees());
  }

  /** A whole number with Indian grouping (23,00,000). */
  public static String number(long value, Language language) {
    return NumberFormat.getNumberInstance(uLocale(language)).format(value);
  }

  /** A date in the user's language, for example 28 Nov 2026 in English. */
  public static String date(LocalDate date, Language language) {
    DateFormat format = DateFormat.getDateInstance(DateFormat.MEDIUM, uLocale(language));
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format.format(Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant()));
  }

  /** An instant shown in the given zone (the organisation's, Asia/Kolkata by default). */
  public static String dateTime(Instant instant, ZoneId zone, Language language) {
    DateFormat format =
        DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, uLocale(language));
    format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
    return format.format(Date.from(instant));
  }

  private static ULocale uLocale(Language language) {
    return new ULocale(language.code() + "_IN@numbers=latn");
  }
}
