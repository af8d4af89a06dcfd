package org.sahay.matching.internal;

/**
 * How two members' features agree, field by field, as levels of a comparison vector; a vector is
 * one small number (its pattern), so that a model is estimated over counts of patterns instead of
 * over every pair.
 *
 * <p>Names: each word weighs 1, an honorific or suffix {@value #HONORIFIC_WEIGHT}; words agree
 * exactly (same phonetic key) or coarsely (same skeleton); word order does not matter. The share of
 * the shorter name that agrees decides between a whole name and part of one.
 */
public final class Comparison {

  /** Name levels, from none to a whole name of two or more words. */
  public static final int NAME_NONE = 0;

  public static final int NAME_SKELETON = 1;
  public static final int NAME_PART = 2;
  public static final int NAME_WHOLE_ONE_WORD = 3;
  public static final int NAME_WHOLE = 4;

  /** A whole name that at most one other member of the district bears. */
  public static final int NAME_WHOLE_RARE = 5;

  /** A name borne by at most this many members of a district is rare. */
  public static final int RARE_NAME = 2;

  public static final int YEAR_SAME = 0;
  public static final int YEAR_NEAR = 1;
  public static final int YEAR_ROUGH = 2;
  public static final int YEAR_FAR = 3;
  public static final int YEAR_MISSING = 4;

  public static final int PHONE_SAME = 0;
  public static final int PHONE_ONE_DIGIT = 1;
  public static final int PHONE_DIFFERENT = 2;
  public static final int PHONE_MISSING = 3;

  public static final int VILLAGE_SAME = 0;
  public static final int VILLAGE_DIFFERENT = 1;
  public static final int VILLAGE_MISSING = 2;

  /** The number of levels of each field: name, birth year, phone, village. */
  public static final int[] LEVELS = {6, 5, 4, 3};

  public static final int PATTERNS = 6 * 5 * 4 * 3;

  static final double HONORIFIC_WEIGHT = 0.2;
  private static final double WHOLE = 0.8;

  private Comparison() {}

  /**
   * The pattern of two members; {@code nameCount} is how many members of the district bear the
   * commoner of their two names (see {@link #nameKey}).
   */
  public static int pattern(MatchFeatures a, MatchFeatures b, int nameCount) {
    int name = name(a, b);
    if (name == NAME_WHOLE && nameCount <= RARE_NAME) {
      name = NAME_WHOLE_RARE;
    }
    return pattern(name, year(a.birthYear(), b.birthYear()), phone(a, b), village(a, b));
  }

  /** A key of a member's whole name in any word order, without honorifics; 0 for none. */
  public static long nameKey(MatchFeatures f) {
    long[] words = new long[f.exact().length];
    int n = 0;
    for (int i = 0; i < words.length; i++) {
      if (!f.isHonorific(i)) {
        words[n++] = f.exact()[i];
      }
    }
    java.util.Arrays.sort(words, 0, n);
    long key = 0;
    for (int i = 0; i < n; i++) {
      key = PairFinder.mix(key * 31 + words[i]);
    }
    return key;
  }

  public static int pattern(int name, int year, int phone, int village) {
    return ((name * LEVELS[1] + year) * LEVELS[2] + phone) * LEVELS[3] + village;
  }

  /** The level of field {@code field} (0 name, 1 year, 2 phone, 3 village) in a pattern. */
  public static int level(int pattern, int field) {
    int p = pattern;
    for (int f = LEVELS.length - 1; f > field; f--) {
      p /= LEVELS[f];
    }
    return p % LEVELS[field];
  }

  static int name(MatchFeatures a, MatchFeatures b) {
    double totalA = weight(a);
    double totalB = weight(b);
    if (totalA == 0 || totalB == 0) {
      return NAME_NONE;
    }
    double agreed = 0;
    int wholeWords = 0;
    int skeletons = 0;
    boolean[] usedB = new boolean[b.exact().length];
    boolean[] exactA = new boolean[a.exact().length];
    for (int i = 0; i < a.exact().length; i++) {
      int j = indexOf(b.exact(), usedB, a.exact()[i]);
      if (j >= 0) {
        usedB[j] = true;
        exactA[i] = true;
        agreed += wordWeight(a, i);
        wholeWords += a.isHonorific(i) ? 0 : 1;
      }
    }
    for (int i = 0; i < a.exact().length; i++) {
      if (!exactA[i]) {
        int j = indexOf(b.coarse(), usedB, a.coarse()[i]);
        if (j >= 0) {
          usedB[j] = true;
          agreed += wordWeight(a, i);
          skeletons += a.isHonorific(i) ? 0 : 1;
        }
      }
    }
    if (wholeWords == 0) {
      return skeletons > 0 ? NAME_SKELETON : NAME_NONE;
    }
    if (agreed / Math.min(totalA, totalB) < WHOLE) {
      return NAME_PART;
    }
    return wholeWords + skeletons >= 2 ? NAME_WHOLE : NAME_WHOLE_ONE_WORD;
  }

  private static double weight(MatchFeatures f) {
    double w = 0;
    for (int i = 0; i < f.exact().length; i++) {
      w += wordWeight(f, i);
    }
    return w;
  }

  private static double wordWeight(MatchFeatures f, int i) {
    return f.isHonorific(i) ? HONORIFIC_WEIGHT : 1;
  }

  private static int indexOf(long[] values, boolean[] used, long wanted) {
    for (int j = 0; j < values.length; j++) {
      if (!used[j] && values[j] == wanted) {
        return j;
      }
    }
    return -1;
  }

  static int year(int a, int b) {
    if (a == 0 || b == 0) {
      return YEAR_MISSING;
    }
    int d = Math.abs(a - b);
    return d == 0 ? YEAR_SAME : d <= 2 ? YEAR_NEAR : d <= 5 ? YEAR_ROUGH : YEAR_FAR;
  }

  static int phone(MatchFeatures a, MatchFeatures b) {
    if (a.phones().length == 0 || b.phones().length == 0) {
      return PHONE_MISSING;
    }
    for (long p : a.phones()) {
      for (long q : b.phones()) {
        if (p == q) {
          return PHONE_SAME;
        }
      }
    }
    long[] ma = a.phoneMasks();
    long[] mb = b.phoneMasks();
    for (int i = 0; i < Math.min(ma.length, mb.length); i++) {
      if (ma[i] == mb[i]) {
        return PHONE_ONE_DIGIT;
      }
    }
    return PHONE_DIFFERENT;
  }

  static int village(MatchFeatures a, MatchFeatures b) {
    if (a.village() == 0 || b.village() == 0) {
      return VILLAGE_MISSING;
    }
    return a.village() == b.village() ? VILLAGE_SAME : VILLAGE_DIFFERENT;
  }
}
