package org.sahay.platform;

/**
 * Telugu amounts in the Indian system, as receipts write them: ఇరవై మూడు లక్షల రూపాయలు మాత్రమే.
 * Before the noun (రూపాయలు, పైసలు) and before a larger unit a number takes its oblique form: ఒకటి
 * becomes ఒక, వేలు వేల, లక్షలు లక్షల, కోట్లు కోట్ల, and one hundred before more is నూట (నూట యాభై).
 */
final class TeluguWords {

  private static final String[] UNITS = {
    "సున్నా",
    "ఒకటి",
    "రెండు",
    "మూడు",
    "నాలుగు",
    "ఐదు",
    "ఆరు",
    "ఏడు",
    "ఎనిమిది",
    "తొమ్మిది",
    "పది",
    "పదకొండు",
    "పన్నెండు",
    "పదమూడు",
    "పద్నాలుగు",
    "పదిహేను",
    "పదహారు",
    "పదిహేడు",
    "పద్దెనిమిది",
    "పంతొమ్మిది"
  };

  private static final String[] TENS = {
    "", "", "ఇరవై", "ముప్పై", "నలభై", "యాభై", "అరవై", "డెబ్బై", "ఎనభై", "తొంభై"
  };

  private static final String ONE = "ఒకటి";
  private static final String ONE_BEFORE_NOUN = "ఒక";
  private static final long CRORE = 10_000_000L;
  private static final long LAKH = 100_000L;

  private TeluguWords() {}

  /** ఇరవై మూడు లక్షల రూపాయలు యాభై పైసలు మాత్రమే; ఒక రూపాయి మాత్రమే; సున్నా రూపాయలు మాత్రమే. */
  static String amount(long rupees, long paise) {
    StringBuilder text = new StringBuilder();
    if (rupees > 0 || paise == 0) {
      text.append(number(rupees)).append(rupees == 1 ? " రూపాయి" : " రూపాయలు");
    }
    if (paise > 0) {
      separate(text);
      text.append(number(paise)).append(paise == 1 ? " పైసా" : " పైసలు");
    }
    return text.append(" మాత్రమే").toString();
  }

  /** A number as it stands before a noun: ఒక లక్ష, రెండు వేల ఐదు వందల, నూట యాభై. */
  static String number(long n) {
    if (n == 0) {
      return UNITS[0];
    }
    StringBuilder text = new StringBuilder();
    long rest = n;
    rest = group(text, rest, CRORE, "ఒక కోటి", "కోట్ల");
    rest = group(text, rest, LAKH, "ఒక లక్ష", "లక్షల");
    rest = group(text, rest, 1000, "వెయ్యి", "వేల");
    if (rest >= 100) {
      long hundreds = rest / 100;
      rest %= 100;
      separate(text);
      text.append(hundreds > 1 ? number(hundreds) + " వందల" : rest > 0 ? "నూట" : "వంద");
    }
    if (rest > 0) {
      separate(text);
      text.append(belowHundred((int) rest));
    }
    return text.toString();
  }

  private static long group(StringBuilder text, long n, long unit, String one, String many) {
    if (n < unit) {
      return n;
    }
    long count = n / unit;
    separate(text);
    text.append(count == 1 ? one : number(count) + " " + many);
    return n % unit;
  }

  private static String belowHundred(int n) {
    String words =
        n < 20 ? UNITS[n] : n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + " " + UNITS[n % 10];
    return words.endsWith(ONE)
        ? words.substring(0, words.length() - ONE.length()) + ONE_BEFORE_NOUN
        : words;
  }

  private static void separate(StringBuilder text) {
    if (!text.isEmpty()) {
      text.append(' ');
    }
  }
}
