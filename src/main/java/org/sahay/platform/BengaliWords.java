package org.sahay.platform;

/**
 * Bengali amounts in the Indian system, as receipts write them: তেইশ লক্ষ টাকা মাত্র. The rupee is
 * টাকা in Bengali (as on the banknotes), and the words are the dictionary's written forms (ত্রিশ,
 * চৌদ্দ, শত, লক্ষ), which readers in West Bengal and Bangladesh alike read on formal papers.
 */
final class BengaliWords {

  private static final String[] BELOW_HUNDRED = {
    "শূন্য", "এক", "দুই", "তিন", "চার", "পাঁচ", "ছয়", "সাত", "আট", "নয়",
    "দশ", "এগারো", "বারো", "তেরো", "চৌদ্দ", "পনেরো", "ষোলো", "সতেরো", "আঠারো", "উনিশ",
    "বিশ", "একুশ", "বাইশ", "তেইশ", "চব্বিশ", "পঁচিশ", "ছাব্বিশ", "সাতাশ", "আটাশ", "উনত্রিশ",
    "ত্রিশ", "একত্রিশ", "বত্রিশ", "তেত্রিশ", "চৌত্রিশ", "পঁয়ত্রিশ", "ছত্রিশ", "সাঁইত্রিশ",
        "আটত্রিশ", "উনচল্লিশ",
    "চল্লিশ", "একচল্লিশ", "বিয়াল্লিশ", "তেতাল্লিশ", "চুয়াল্লিশ", "পঁয়তাল্লিশ", "ছেচল্লিশ",
        "সাতচল্লিশ", "আটচল্লিশ", "উনপঞ্চাশ",
    "পঞ্চাশ", "একান্ন", "বাহান্ন", "তিপ্পান্ন", "চুয়ান্ন", "পঞ্চান্ন", "ছাপ্পান্ন", "সাতান্ন",
        "আটান্ন", "উনষাট",
    "ষাট", "একষট্টি", "বাষট্টি", "তেষট্টি", "চৌষট্টি", "পঁয়ষট্টি", "ছেষট্টি", "সাতষট্টি",
        "আটষট্টি", "উনসত্তর",
    "সত্তর", "একাত্তর", "বাহাত্তর", "তিয়াত্তর", "চুয়াত্তর", "পঁচাত্তর", "ছিয়াত্তর", "সাতাত্তর",
        "আটাত্তর", "উনআশি",
    "আশি", "একাশি", "বিরাশি", "তিরাশি", "চুরাশি", "পঁচাশি", "ছিয়াশি", "সাতাশি", "আটাশি", "উননব্বই",
    "নব্বই", "একানব্বই", "বিরানব্বই", "তিরানব্বই", "চুরানব্বই", "পঁচানব্বই", "ছিয়ানব্বই",
        "সাতানব্বই", "আটানব্বই", "নিরানব্বই"
  };

  private static final long CRORE = 10_000_000L;
  private static final long LAKH = 100_000L;

  private BengaliWords() {}

  /** তেইশ লক্ষ টাকা পঞ্চাশ পয়সা মাত্র; শূন্য টাকা মাত্র; পঞ্চাশ পয়সা মাত্র. */
  static String amount(long rupees, long paise) {
    StringBuilder text = new StringBuilder();
    if (rupees > 0 || paise == 0) {
      text.append(number(rupees)).append(" টাকা");
    }
    if (paise > 0) {
      separate(text);
      text.append(number(paise)).append(" পয়সা");
    }
    return text.append(" মাত্র").toString();
  }

  /** The words of a number: একশত তেইশ কোটি, with crore counted on past 99 crore. */
  static String number(long n) {
    if (n < 100) {
      return BELOW_HUNDRED[(int) n];
    }
    StringBuilder text = new StringBuilder();
    long rest = n;
    rest = group(text, rest, CRORE, "কোটি");
    rest = group(text, rest, LAKH, "লক্ষ");
    rest = group(text, rest, 1000, "হাজার");
    if (rest >= 100) {
      separate(text);
      text.append(BELOW_HUNDRED[(int) (rest / 100)]).append("শত");
      rest %= 100;
    }
    if (rest > 0) {
      separate(text);
      text.append(BELOW_HUNDRED[(int) rest]);
    }
    return text.toString();
  }

  private static long group(StringBuilder text, long n, long unit, String name) {
    if (n < unit) {
      return n;
    }
    separate(text);
    text.append(number(n / unit)).append(' ').append(name);
    return n % unit;
  }

  private static void separate(StringBuilder text) {
    if (!text.isEmpty()) {
      text.append(' ');
    }
  }
}
