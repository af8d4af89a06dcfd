package org.sahay.funds.web;

import org.sahay.funds.Transparency;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Language;
import org.sahay.platform.Money;
import org.springframework.context.MessageSource;

/** The page's words and figures in one language. */
public record PublicSide(Language language, MessageSource messages) {
  public String t(String key, Object... args) {
    return messages.getMessage(key, args, key, language.locale());
  }

  public String money(long paise) {
    return IndianFormats.money(Money.ofPaise(paise), language);
  }

  /** A count, or fewer than 5. */
  public String count(long count) {
    return Transparency.small(count)
        ? t("funds.public.fewerThan5")
        : IndianFormats.number(count, language);
  }

  public String lang() {
    return language.code();
  }

  /** The amount in words in this language. */
  public String words(long paise) {
    return org.sahay.platform.AmountInWords.in(language, Money.ofPaise(paise));
  }

  public String date(java.time.LocalDate date) {
    return IndianFormats.date(date, language);
  }
}
