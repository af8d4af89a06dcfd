package org.sahay.matching;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.sahay.matching.internal.MatchKeys;

/**
 * A labelled synthetic register for record linkage: made-up people of Andhra Pradesh and West
 * Bengal, some registered twice with the variations real registers show (another script, another
 * spelling, honorifics added or dropped, word order, a rough age, a changed or mistyped phone), and
 * people who are easy to take for one another but are not (sisters sharing a phone, a mother and
 * daughter, namesakes in one district). Every record knows which person it is. Names are drawn from
 * lists of common given names and surnames and combined at random: no real person.
 */
public final class SyntheticPeople {

  /** How a record's name was written. */
  public enum Script {
    LATIN,
    TELUGU,
    BENGALI,
    DEVANAGARI
  }

  /** One registration: whose it is (a person number) and what was written. */
  public record Registration(int person, Script script, MatchKeys.Plain plain, String kind) {}

  private static final String[] AP_GIVEN = {
    "lakṣmī",
    "pārvatī",
    "sītā",
    "anitā",
    "sunītā",
    "rāṇī",
    "padmā",
    "kamalā",
    "sarasvatī",
    "durgā",
    "jyōti",
    "mādhavī",
    "bhavānī",
    "sujātā",
    "rēkhā",
    "aruṇā",
    "vijayā",
    "śāradā",
    "gītā",
    "kavitā",
    "svapnā",
    "maṅgamma",
    "nāgamaṇi",
    "kṛṣṇavēṇi",
    "sāvitri",
    "annapūrṇa",
    "hēmalatā",
    "suvarṇā",
    "yaśōdā",
    "ratnā",
    "lalitā",
    "nirmalā",
    "vasantā",
    "śyāmalā",
    "prasannā",
    "varalakṣmī",
    "dhanalakṣmī",
    "sravanti",
    "rāmādēvi",
    "pushpā",
    "sarōja",
    "ammāju",
    "sujana",
    "kṛṣṇakumāri",
    "ēsuratnam",
    "mariyamma",
    "rājēśvari",
    "bhāgyamma",
    "gaṅgā",
    "sundari"
  };
  private static final String[] AP_FAMILY = {
    "reḍḍi", "nāyuḍu", "rāvu", "varma", "śarma", "gaṇṭa", "kōṭa", "pōtula", "bandi", "yādav",
    "mēkala", "allu", "kāḷḷa", "cinta", "vēmula", "gorla", "bāla", "peddi", "kandula", "dāsari",
    "tōṭa", "pilli", "jakka", "mallela", "bōya", "cākali", "guntūru", "nalla", "kōnēru", "sāmala"
  };
  private static final String[] WB_GIVEN = {
    "rīnā",
    "mālā",
    "śikhā",
    "puṣpā",
    "sabitā",
    "añjali",
    "rūpā",
    "mītā",
    "sumitrā",
    "jharṇā",
    "kākali",
    "tumpā",
    "bulbul",
    "sāhānā",
    "phāṭimā",
    "rahimā",
    "salmā",
    "nāsrīn",
    "ruksānā",
    "jāhānārā",
    "āminā",
    "parvīn",
    "mumtāj",
    "śabnam",
    "sulatānā",
    "mausumī",
    "tanuśrī",
    "piyālī",
    "mallikā",
    "lipikā",
    "vāsantī",
    "lakṣmī",
    "durgā",
    "kālī",
    "sarasvatī",
    "mīnatī",
    "pratimā",
    "chandanā",
    "sōmā",
    "rēṇukā",
    "bīṇā",
    "gauri",
    "jayantī",
    "nandinī",
    "hāsinā",
    "marjinā",
    "rōkeyā",
    "tāslimā",
    "sēphāli",
    "ālpanā"
  };
  private static final String[] WB_FAMILY = {
    "dās", "maṇḍal", "viśvās", "sarkār", "ghōṣ", "rāy", "śēkh", "mallik", "hāldār", "vāgdī",
    "pramāṇik", "sāhā", "ḍhālī", "bēgam", "khān", "miyā", "pātra", "māiti", "jānā", "bēra",
    "sardār", "nāth", "pāl", "barman", "ōrāon", "murmu", "hāṃsdā", "ṭuḍu", "gāyēn", "naskar"
  };
  private static final String[] AP_HONORIFIC = {"dēvī", "kumārī", "amma"};
  private static final String[] WB_HONORIFIC = {"bibi", "khātun", "bēgam"};

  private static final Transliterator TELUGU = Transliterator.getInstance("Latin-Telugu");
  private static final Transliterator BENGALI = Transliterator.getInstance("Latin-Bengali");
  private static final Transliterator DEVANAGARI = Transliterator.getInstance("Latin-Devanagari");

  private final Random random;
  private final List<Registration> registrations = new ArrayList<>();
  private int people;

  private record Person(
      int id,
      boolean bengal,
      List<String> given,
      String family,
      String honorific,
      int year,
      String phone,
      String village,
      String district) {}

  public SyntheticPeople(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Makes a register of about {@code persons} people in {@code districts} districts: a share of
   * them registered twice, and the look-alikes described above.
   */
  public List<Registration> register(int persons, int districts, double twiceShare) {
    return register(persons, districts, twiceShare, 0.03);
  }

  /** As above, with {@code namesakeShare} of people given a namesake in their district. */
  public List<Registration> register(
      int persons, int districts, double twiceShare, double namesakeShare) {
    while (people < persons) {
      Person p = person(random.nextInt(districts));
      add(p, "original", true);
      double r = random.nextDouble();
      if (r < twiceShare) {
        add(p, "again", false);
      } else if (r < twiceShare + 0.08) {
        add(sister(p), "sister", true);
      } else if (r < twiceShare + 0.12) {
        add(daughter(p), "daughter", true);
      } else if (r < twiceShare + 0.12 + namesakeShare) {
        add(namesake(p), "namesake", true);
      }
    }
    return registrations;
  }

  private Person person(int district) {
    boolean bengal = district % 2 == 1;
    List<String> given = new ArrayList<>();
    given.add(pick(bengal ? WB_GIVEN : AP_GIVEN));
    if (random.nextDouble() < 0.15) {
      given.add(pick(bengal ? WB_GIVEN : AP_GIVEN));
    }
    String honorific =
        random.nextDouble() < 0.35 ? pick(bengal ? WB_HONORIFIC : AP_HONORIFIC) : null;
    return new Person(
        people++,
        bengal,
        given,
        family(bengal),
        honorific,
        1960 + random.nextInt(45),
        phone(),
        village(district * 100 + random.nextInt(25)),
        (bengal ? "North District " : "South District ") + district);
  }

  private Person sister(Person p) {
    String given = other(p.given(), p.bengal() ? WB_GIVEN : AP_GIVEN);
    return new Person(
        people++,
        p.bengal(),
        List.of(given),
        p.family(),
        p.honorific(),
        p.year() + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(9)),
        random.nextDouble() < 0.7 ? p.phone() : phone(),
        p.village(),
        p.district());
  }

  private Person daughter(Person p) {
    String given = other(p.given(), p.bengal() ? WB_GIVEN : AP_GIVEN);
    return new Person(
        people++,
        p.bengal(),
        List.of(given),
        p.family(),
        null,
        p.year() + 18 + random.nextInt(12),
        random.nextDouble() < 0.6 ? p.phone() : phone(),
        p.village(),
        p.district());
  }

  private Person namesake(Person p) {
    return new Person(
        people++,
        p.bengal(),
        p.given(),
        p.family(),
        random.nextBoolean() ? p.honorific() : null,
        1960 + random.nextInt(45),
        phone(),
        random.nextDouble() < 0.3 ? p.village() : village(8000 + random.nextInt(25)),
        p.district());
  }

  private void add(Person p, String kind, boolean first) {
    List<String> words = new ArrayList<>(p.given());
    words.add(p.family());
    String honorific = p.honorific();
    if (!first) {
      if (random.nextDouble() < 0.3) {
        honorific = honorific == null ? pick(p.bengal() ? WB_HONORIFIC : AP_HONORIFIC) : null;
      }
      if (random.nextDouble() < 0.3) {
        words.add(0, words.remove(words.size() - 1));
      }
    }
    if (honorific != null) {
      words.add(honorific);
    }
    Script script = script(p.bengal());
    String name = write(words, script, !first && random.nextDouble() < 0.1);
    Integer year = p.year();
    String phone = p.phone();
    String village = p.village();
    if (!first) {
      year = roughYear(p.year());
      phone = laterPhone(p.phone());
      double v = random.nextDouble();
      village = v < 0.08 ? null : v < 0.12 ? village(9000 + random.nextInt(25)) : village;
    } else if (random.nextDouble() < 0.05) {
      year = null;
    }
    registrations.add(
        new Registration(
            p.id(),
            script,
            new MatchKeys.Plain(name, null, year, phone, null, village, p.district()),
            kind));
  }

  private Integer roughYear(int year) {
    double r = random.nextDouble();
    if (r < 0.05) {
      return null;
    }
    if (r < 0.5) {
      return year;
    }
    if (r < 0.85) {
      return year + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
    }
    return year + (random.nextBoolean() ? 1 : -1) * (3 + random.nextInt(3));
  }

  private String laterPhone(String phone) {
    double r = random.nextDouble();
    if (r < 0.55) {
      return phone;
    }
    if (r < 0.8) {
      return phone();
    }
    if (r < 0.85) {
      int at = 2 + random.nextInt(8);
      char wrong = (char) ('0' + (phone.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
      return phone.substring(0, at) + wrong + phone.substring(at + 1);
    }
    return null;
  }

  private Script script(boolean bengal) {
    double r = random.nextDouble();
    if (r < 0.42) {
      return bengal ? Script.BENGALI : Script.TELUGU;
    }
    return r < 0.85 ? Script.LATIN : Script.DEVANAGARI;
  }

  private String write(List<String> words, Script script, boolean typo) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      out.add(
          switch (script) {
            case LATIN -> capitalise(latin(w, typo));
            case TELUGU -> TELUGU.transliterate(w);
            case BENGALI -> withoutFinalVirama(BENGALI.transliterate(w));
            case DEVANAGARI -> withoutFinalVirama(DEVANAGARI.transliterate(w));
          });
    }
    return String.join(" ", out);
  }

  /** One of the ways people spell the name in Latin letters. */
  private String latin(String iast, boolean typo) {
    String s = iast;
    s = s.replace("kṣ", random.nextDouble() < 0.2 ? "x" : "ksh");
    s = s.replace("ṣ", "sh").replace("ś", random.nextBoolean() ? "sh" : "s");
    s = s.replace("ā", random.nextDouble() < 0.2 ? "aa" : "a");
    s = s.replace("ī", random.nextDouble() < 0.3 ? "ee" : "i");
    s = s.replace("ū", random.nextDouble() < 0.3 ? "oo" : "u");
    s = s.replace("ē", "e").replace("ō", "o").replace("ṛ", "ri").replace("ñ", "n");
    s = s.replace("ṅ", "n").replace("ṃ", "n").replace("ḷ", "l");
    if (random.nextBoolean()) {
      s = s.replace("t", "th");
    }
    if (random.nextDouble() < 0.3) {
      s = s.replace("v", random.nextBoolean() ? "b" : "w");
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    if (s.endsWith("i") && random.nextDouble() < 0.2) {
      s = s.substring(0, s.length() - 1) + "y";
    }
    if (typo) {
      s = s.replaceFirst("e", "i").replaceFirst("u", "o");
    }
    return s;
  }

  private static final String[] SYLLABLES = {
    "pa", "li", "gu", "da", "ra", "ma", "ko", "ta", "ve", "ni", "chi", "ka", "sa", "bo", "du"
  };
  private static final String[] PLACES = {"palli", "pur", "nagar", "peta", "kota", "gram", "chak"};

  /** A made-up village name, the same for the same number. */
  private static String village(int n) {
    return SYLLABLES[n % 15] + SYLLABLES[(n / 15) % 15] + PLACES[(n / 225) % PLACES.length];
  }

  private static String withoutFinalVirama(String word) {
    return word.endsWith("\u09CD") || word.endsWith("\u094D")
        ? word.substring(0, word.length() - 1)
        : word;
  }

  private static String capitalise(String w) {
    return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

  private String phone() {
    StringBuilder s = new StringBuilder().append((char) ('6' + random.nextInt(4)));
    for (int i = 0; i < 9; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  private static final String[] FAMILY_SYLLABLES = {
    "kō", "ṭa", "pa", "lli", "gu", "ra", "ma", "nē", "ni", "vē", "du", "sa", "bō", "ca", "ti", "ya",
    "la", "ga", "ḍa", "rā", "ku", "dē", "mi", "ha"
  };

  /**
   * A family name: half of the time one of the common ones above (so that namesakes are common, as
   * they are), otherwise one of the long tail, made of two or three syllables.
   */
  private String family(boolean bengal) {
    if (random.nextBoolean()) {
      return pick(bengal ? WB_FAMILY : AP_FAMILY);
    }
    StringBuilder s = new StringBuilder();
    int syllables = 2 + random.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      s.append(pick(FAMILY_SYLLABLES));
    }
    return s.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String other(List<String> not, String[] values) {
    String v;
    do {
      v = pick(values);
    } while (not.contains(v));
    return v;
  }
}
