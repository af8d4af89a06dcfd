package org.sahay.relief;

import org.sahay.platform.Language;

/** An item's or kit's name in the four languages; at least one is given. */
public record ItemNames(String en, String hi, String te, String bn) {

  public ItemNames {
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
