package org.sahay.platform;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * An amount written out in the Indian system (lakh, crore), as receipts and cheques carry it:
 * Rupees Twenty-Three Lakh Only. English and Hindi come from ICU's spell-out rules; ICU has none
 * for Telugu and Bengali, so those two are written out here from the standard number words.
 */
public final class AmountInWords {

  private static final long CRORE = 10_000_000L;

  private AmountInWords() {}

  /** Rupees Twenty-Three Lakh and Fifty Paise Only; Rupees Zero Only for nothing. */
  public static String english(Money amount) {
    long rupees = rupees(amount);
    long paise = amount.paise() % 100;
    RuleBasedNumberFormat words = spellout("en_IN");
    if (rupees == 0 && paise > 0) {
      return titled(words.format(paise)) + " Paise Only";
    }
    StringBuilder text = new StringBuilder("Rupees ").append(titled(words.format(rupees)));
    if (paise > 0) {
      text.append(" and ").append(titled(words.format(paise))).append(" Paise");
    }
    return text.append(" Only").toString();
  }

  /** तेईस लाख रुपये मात्र; beyond 99 crore still counted in crore, never in arab. */
  public static String hindi(Money amount) {
    long rupees = rupees(amount);
    long paise = amount.paise() % 100;
    RuleBasedNumberFormat words = spellout("hi_IN");
    if (rupees == 0 && paise > 0) {
      return words.format(paise) + " पैसे मात्र";
    }
    StringBuilder text = new StringBuilder(indianHindi(words, rupees));
    text.append(rupees == 1 ? " रुपया" : " रुपये");
    if (paise > 0) {
      text.append(" और ").append(words.format(paise)).append(" पैसे");
    }
    return text.append(" मात्र").toString();
  }

  /** ఇరవై మూడు లక్షల రూపాయలు మాత్రమే, as Telugu receipts write it. */
  public static String telugu(Money amount) {
    return TeluguWords.amount(rupees(amount), amount.paise() % 100);
  }

  /** তেইশ লক্ষ টাকা মাত্র, as Bengali receipts write it. */
  public static String bengali(Money amount) {
    return BengaliWords.amount(rupees(amount), amount.paise() % 100);
  }

  /** The words in one of the four languages. */
  public static String in(Language language, Money amount) {
    return switch (language) {
      case EN -> english(amount);
      case HI -> hindi(amount);
      case TE -> telugu(amount);
      case BN -> bengali(amount);
    };
  }

  private static String indianHindi(RuleBasedNumberFormat words, long rupees) {
    if (rupees < 100 * CRORE) {
      return words.format(rupees);
    }
    long crores = rupees / CRORE;
    long rest = rupees % CRORE;
    String head = words.format(crores) + " करोड़";
    return rest == 0 ? head : head + " " + words.format(rest);
  }

  private static long rupees(Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a negative amount has no words on a receipt");
    }
    return amount.paise() / 100;
  }

  private static RuleBasedNumberFormat spellout(String locale) {
    return new RuleBasedNumberFormat(new ULocale(locale), RuleBasedNumberFormat.SPELLOUT);
  }

  /** twenty-three lakh becomes Twenty-Three Lakh. */
  private static String titled(String words) {
    StringBuilder out = new StringBuilder(words.length());
    boolean start = true;
    for (char c : words.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ' || c == '-';
    }
    return out.toString();
  }
}
