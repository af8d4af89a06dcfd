package org.sahay.platform;

/** A name in the four languages (an item, a kit, a scheme); at least one is given. */
public record Names(String en, String hi, String te, String bn) {

  public Names {
    en = blankToNull(en);
    hi = blankToNull(hi);
    te = blankToNull(te);
    bn = blankToNull(bn);
  }

  /** The name in the language, else in English, else in any language given. */
  public String in(Language language) {
    String wanted =
        switch (language) {
          case HI -> hi;
          case TE -> te;
          case BN -> bn;
          default -> en;
        };
    if (wanted != null) {
      return wanted;
    }
    for (String any : new String[] {en, hi, te, bn}) {
      if (any != null) {
        return any;
      }
    }
    return "";
  }

  public boolean isEmpty() {
    return en == null && hi == null && te == null && bn == null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
