package org.sahay.matching.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.sahay.platform.NameKeys;

/**
 * Turns a member's plain fields into {@link MatchFeatures}, under a keyed hash the caller gives
 * (the collective's own key): the plain values are used here in memory and never stored.
 */
public final class MatchKeys {

  /** A member's fields as record linkage reads them; any may be null. */
  public record Plain(
      String name,
      String alias,
      Integer birthYear,
      String phone,
      String otherPhone,
      String village,
      String district) {

    /** The fields of a member as the registry recorded (or described) her. */
    public static Plain of(org.sahay.registry.MemberRecorded m) {
      return new Plain(
          m.name(), m.alias(), m.birthYear(), m.phone(), m.otherPhone(), m.village(), m.district());
    }
  }

  private MatchKeys() {}

  public static MatchFeatures of(Plain p, ToLongFunction<String> keyed) {
    Set<String> words = new LinkedHashSet<>();
    for (String name : new String[] {p.name(), p.alias()}) {
      if (name != null) {
        words.addAll(NameKeys.words(NameKeys.phonetic(name)));
      }
    }
    int n = Math.min(words.size(), MatchFeatures.MAX_WORDS);
    long[] exact = new long[n];
    long[] coarse = new long[n];
    int honorific = 0;
    int i = 0;
    for (String word : words) {
      if (i == n) {
        break;
      }
      exact[i] = nonZero(keyed.applyAsLong("w:" + word));
      coarse[i] = nonZero(keyed.applyAsLong("s:" + NameKeys.skeleton(word)));
      if (NameKeys.isHonorific(word)) {
        honorific |= 1 << i;
      }
      i++;
    }
    String main = digits(p.phone());
    String other = digits(p.otherPhone());
    long[] phones =
        java.util.stream.Stream.of(main, other)
            .filter(d -> d != null)
            .distinct()
            .mapToLong(d -> nonZero(keyed.applyAsLong("t:" + d)))
            .toArray();
    String masked = main != null ? main : other;
    long[] masks = new long[masked == null ? 0 : masked.length()];
    for (int at = 0; at < masks.length; at++) {
      String m = masked.substring(0, at) + '*' + masked.substring(at + 1);
      masks[at] = nonZero(keyed.applyAsLong("m:" + m));
    }
    String village =
        p.village() == null
            ? null
            : (NameKeys.phonetic(p.village()) + " " + p.village().replaceAll("[^0-9]+", " "))
                .strip();
    village = village == null || village.isEmpty() ? null : village;
    String district = normal(p.district());
    return new MatchFeatures(
        exact,
        coarse,
        honorific,
        phones,
        masks,
        village == null ? 0 : nonZero(keyed.applyAsLong("v:" + village)),
        district == null ? 0 : nonZero(keyed.applyAsLong("d:" + district)),
        p.birthYear() == null ? 0 : p.birthYear());
  }

  /** The last ten digits of a phone number; null when it has fewer than ten. */
  static String digits(String phone) {
    if (phone == null) {
      return null;
    }
    String d = phone.replaceAll("[^0-9]", "");
    return d.length() < 10 ? null : d.substring(d.length() - 10);
  }

  static String normal(String place) {
    if (place == null) {
      return null;
    }
    String s =
        Normalizer.normalize(place, Normalizer.Form.NFKC)
            .strip()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);
    return s.isEmpty() ? null : s;
  }

  private static long nonZero(long hash) {
    return hash == 0 ? 1 : hash;
  }
}
