package org.sahay.platform;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.IndicSyllabicCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search keys for people's names, so that the same person can be found whether her name was written
 * in Telugu, Bengali, Devanagari or Latin letters, and however it was spelled; a member who is
 * found is not registered twice, and scarce relief reaches more people. The keys are for comparing
 * only: they are never stored as a name, and never shown to anyone.
 */
public final class NameKeys {

  /*
   * One shared instance is safe: ICU documents Transliterator objects as stateless ("threads may
   * share transliterators without synchronizing them"), and in ICU4J the rule data is guarded
   * internally and the Any-Latin script cache is a ConcurrentHashMap. Building one costs
   * milliseconds, so it is built once rather than per call or per thread.
   *
   * Vocalic r (ऋ, ృ, ৃ) comes out of Any-Latin as r with a ring below, which Latin-ASCII would
   * turn into a bare r ("krsna"); people write it "ri" (Krishna, Amrita), so it becomes "ri" here.
   */
  private static final Transliterator TO_LATIN =
      Transliterator.createFromRules(
          "NameKeys-Latin",
          """
          ::Any-Latin;
          r\u0325 > ri;
          R\u0325 > Ri;
          l\u0325 > li;
          L\u0325 > Li;
          ::Latin-ASCII;
          ::Lower;
          """,
          Transliterator.FORWARD);

  private static final ThreadLocal<Map<String, String>> REMEMBERED = new ThreadLocal<>();

  private static final Pattern APOSTROPHES = Pattern.compile("['`]");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
  private static final Pattern H_AFTER_CONSONANT = Pattern.compile("(?<=[^aeiouh])h");
  private static final Pattern NASAL_BEFORE_STOP = Pattern.compile("m(?=[kgcjtds])");
  private static final Pattern REPEATED_LETTER = Pattern.compile("([a-z])\\1+");
  private static final Pattern FINAL_Y_AFTER_CONSONANT = Pattern.compile("(?<=[^aeiou])y$");
  private static final Pattern FINAL_O_AFTER_CONSONANT = Pattern.compile("(?<=[^aeiou])o$");

  /*
   * Words that say how a woman is addressed rather than who she is, added or dropped from one
   * registration to the next: Devi and Kumari (Hindi, Telugu), Bibi, Begum and Khatun (Bengali
   * Muslim names), Amma and Garu (Telugu), Bai, Sri and Srimati, Mosammat and its abbreviations,
   * Md for Mohammad. Kept as phonetic keys, so every spelling and script of them is one word here.
   */
  private static final java.util.Set<String> HONORIFICS =
      java.util.stream.Stream.of(
              "devi",
              "kumari",
              "bibi",
              "begum",
              "khatun",
              "khatoon",
              "amma",
              "garu",
              "bai",
              "sri",
              "shri",
              "srimati",
              "shrimati",
              "smt",
              "mosammat",
              "musammat",
              "mst",
              "md")
          .map(NameKeys::wordKey)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private NameKeys() {}

  /**
   * Whether a phonetic word (one word of {@link #phonetic}) is an honorific or a suffix such as
   * Devi, Kumari, Bibi or Khatun, which says little about who a person is: record linkage weighs it
   * low rather than dropping it.
   */
  public static boolean isHonorific(String phoneticWord) {
    return HONORIFICS.contains(phoneticWord);
  }

  /**
   * A coarser key of a phonetic word, its consonant skeleton: the first letter, then the consonants
   * without vowels and without repeats ({@code laksmi} is {@code lksm}, as are Lakshmy and
   * Lokkhmi). Equal skeletons say "spelled alike", not "the same name".
   */
  public static String skeleton(String phoneticWord) {
    if (phoneticWord.isEmpty()) {
      return phoneticWord;
    }
    StringBuilder out = new StringBuilder().append(phoneticWord.charAt(0));
    for (int i = 1; i < phoneticWord.length(); i++) {
      char c = phoneticWord.charAt(i);
      if (!isVowel(c) && c != 'y' && c != out.charAt(out.length() - 1)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The name in plain lower-case ASCII Latin, whatever script it was written in: punctuation
   * separates words (apostrophes are just dropped), digits become ASCII digits, and words are
   * separated by single spaces.
   */
  public static String latin(String name) {
    Objects.requireNonNull(name, "name");
    return latin(name, isAscii(name));
  }

  /**
   * A name typed in plain ASCII skips ICU: the transliterator leaves ASCII as it is but for lower
   * case, and was the largest part of an imported row's CPU (NameKeysAsciiTest holds the two ways
   * equal).
   */
  static String latin(String name, boolean skipIcu) {
    String ascii = skipIcu ? name.toLowerCase(Locale.ROOT) : TO_LATIN.transliterate(name);
    ascii = APOSTROPHES.matcher(ascii).replaceAll("");
    return NOT_LETTER_OR_DIGIT.matcher(ascii).replaceAll(" ").strip();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * A key that is the same for the usual spellings of one name, in any of the scripts used in
   * Andhra Pradesh and West Bengal, and differs for different names. Each word of the name keeps
   * its own key, so "Lakshmi Devi" gives two words. Digits are not part of a name and are dropped.
   */
  public static String phonetic(String name) {
    Objects.requireNonNull(name, "name");
    Map<String, String> remembered = REMEMBERED.get();
    return remembered == null
        ? phonetic(name, isAscii(name))
        : remembered.computeIfAbsent(name, n -> phonetic(n, isAscii(n)));
  }

  /**
   * Runs {@code work} with each name's key worked out once on this thread, however many parts ask
   * for it (an imported row's search tokens and its match keys both do); the names are forgotten
   * when it returns.
   */
  public static <T> T remembering(Supplier<T> work) {
    if (REMEMBERED.get() != null) {
      return work.get();
    }
    REMEMBERED.set(new HashMap<>());
    try {
      return work.get();
    } finally {
      REMEMBERED.remove();
    }
  }

  /**
   * As {@link #phonetic(String)}; an ASCII name has no Indic vowel to drop nor script to convert.
   */
  static String phonetic(String name, boolean skipIcu) {
    String latin = skipIcu ? latin(name, true) : latin(withoutSilentFinalVowel(name), false);
    return words(latin).stream()
        .map(NameKeys::wordKey)
        .filter(key -> !key.isEmpty())
        .collect(Collectors.joining(" "));
  }

  /** The words of a key (or of any space-separated text); none for a blank one. */
  public static List<String> words(String key) {
    String stripped = key.strip();
    return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }

  /*
   * The rules, in order, each for a spelling difference that does not make a different name:
   *  - x is "ks" (Laxmi), q is k, z is j (Zarina, Bengali Jarina), ph is f (Bengali phatima, Fatima);
   *  - h after a consonant marks aspiration or a sibilant, which Latin spellings and transliteration
   *    mark inconsistently: kh, gh, ch, jh, th, dh, bh, sh all lose it (Parvathi, Lakhsmi, Shri);
   *  - long vowels: ee and ii are i, oo and uu are u, au and ou are o (Sreenivas, Roopa, Moushumi);
   *  - b, v and w are one sound class, because Bengali writes v as b (Debi, Parbati, Srinibas);
   *  - m before a stop or s is n: an anusvara is written either way (Sangeeta, Samgita);
   *  - a doubled letter is a single one (Lalli, Siddharth, and aa after the rules above);
   *  - a final y after a consonant is i (Parvathy); a final o after a consonant is a, because
   *    Bengali spellings write the inherent vowel as o (Partho, Partha);
   *  - the Hindi schwa rule, V C a C V -> V C C V, so Kamala and Kamla, Bhavana and Bhavna,
   *    Madhavi and Madhvi meet; it only ever drops a short a between two single consonants.
   * A final a is kept: in Latin spellings it usually is a real vowel (Radha, Lalita against Lalit).
   */
  private static String wordKey(String word) {
    String key = NOT_LETTER.matcher(word).replaceAll("");
    key = key.replace("x", "ks").replace("q", "k").replace("z", "j").replace("ph", "f");
    key = H_AFTER_CONSONANT.matcher(key).replaceAll("");
    key = key.replace("ee", "i").replace("oo", "u").replace("au", "o").replace("ou", "o");
    key = key.replace('b', 'v').replace('w', 'v');
    key = NASAL_BEFORE_STOP.matcher(key).replaceAll("n");
    key = REPEATED_LETTER.matcher(key).replaceAll("$1");
    key = FINAL_Y_AFTER_CONSONANT.matcher(key).replaceAll("i");
    key = FINAL_O_AFTER_CONSONANT.matcher(key).replaceAll("a");
    return withoutMedialSchwa(key);
  }

  private static String withoutMedialSchwa(String key) {
    StringBuilder out = new StringBuilder(key);
    for (int i = 2; i + 2 < out.length(); i++) {
      if (out.charAt(i) == 'a'
          && isVowel(out.charAt(i - 2))
          && !isVowel(out.charAt(i - 1))
          && !isVowel(out.charAt(i + 1))
          && isVowel(out.charAt(i + 2))) {
        out.deleteCharAt(i);
      }
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /*
   * Hindi and Bengali do not pronounce the inherent a of a word's last consonant (राम is Ram,
   * রহিম is Rahim), but ICU writes it ("rama", "rahima"), while Telugu does pronounce it. So
   * before transliterating, a virama is added after such a consonant, which makes ICU leave the
   * vowel out. After a conjunct the vowel is heard and spelled in Bengali (Partha, Prasanta), and in
   * Hindi only when the conjunct ends in y, r, l, v, n or m (Chandra, Krishna, Satya, Padma; but
   * Siddharth, Anand).
   */
  private static String withoutSilentFinalVowel(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    int[] cps = name.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      out.appendCodePoint(cps[i]);
      if (!isSilentFinalConsonant(cps, i)) {
        continue;
      }
      int last = i;
      if (i + 1 < cps.length && category(cps[i + 1]) == IndicSyllabicCategory.NUKTA) {
        out.appendCodePoint(cps[++i]);
      }
      out.appendCodePoint(viramaOf(cps[last]));
    }
    return out.toString();
  }

  private static boolean isSilentFinalConsonant(int[] cps, int i) {
    int script = UScript.getScript(cps[i]);
    if (!schwaIsSilent(script) || category(cps[i]) != IndicSyllabicCategory.CONSONANT) {
      return false;
    }
    int next = i + 1;
    if (next < cps.length && category(cps[next]) == IndicSyllabicCategory.NUKTA) {
      next++;
    }
    if (next < cps.length && continuesWord(cps[next])) {
      return false;
    }
    boolean afterConjunct = i > 0 && category(cps[i - 1]) == IndicSyllabicCategory.VIRAMA;
    if (!afterConjunct) {
      return true;
    }
    return script != UScript.BENGALI && !endsInSemivowelOrNasal(cps[i]);
  }

  private static boolean schwaIsSilent(int script) {
    return script == UScript.DEVANAGARI
        || script == UScript.BENGALI
        || script == UScript.GUJARATI
        || script == UScript.GURMUKHI;
  }

  private static boolean continuesWord(int cp) {
    int type = UCharacter.getType(cp);
    return UCharacter.isLetter(cp)
        || type == UCharacter.NON_SPACING_MARK
        || type == UCharacter.COMBINING_SPACING_MARK
        || type == UCharacter.FORMAT;
  }

  // The Indic blocks share ISCII's layout, so one set of offsets names the same letters in each:
  // ṇa, na, ba (Bengali's va), ma, ya, ra, la, va.
  private static boolean endsInSemivowelOrNasal(int consonant) {
    int offset = consonant & 0x7F;
    return offset == 0x23
        || offset == 0x28
        || offset == 0x2C
        || offset == 0x2E
        || offset == 0x2F
        || offset == 0x30
        || offset == 0x32
        || offset == 0x35;
  }

  private static int viramaOf(int consonant) {
    return (consonant & ~0x7F) + 0x4D;
  }

  private static int category(int cp) {
    return UCharacter.getIntPropertyValue(cp, UProperty.INDIC_SYLLABIC_CATEGORY);
  }
}
