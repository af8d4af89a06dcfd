package org.sahay.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sahay.matching.internal.Linkage;
import org.sahay.matching.internal.MatchFeatures;
import org.sahay.matching.internal.MatchKeys;

/**
 * Precision, recall and F1 of record linkage on a labelled synthetic register ({@link
 * SyntheticPeople}), overall and per pair of scripts. A pair in the "likely" band counts as said to
 * be one person; a true pair that blocking never proposed counts as missed.
 */
public final class LinkageQuality {

  /** Counts for one pair of scripts, or for all. */
  public static final class Counts {
    long truePairs;
    long found;
    long wrong;

    public double precision() {
      return found + wrong == 0 ? 1 : (double) found / (found + wrong);
    }

    public double recall() {
      return truePairs == 0 ? 1 : (double) found / truePairs;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return "%8d %8d %8d %9.4f %9.4f %9.4f"
          .formatted(truePairs, found, wrong, precision(), recall(), f1());
    }
  }

  /** The result: all pairs together, and per pair of scripts. */
  public record Report(Counts all, Map<String, Counts> byScripts, long possible, String model) {
    public String table() {
      StringBuilder s = new StringBuilder();
      s.append(
          "%-22s %8s %8s %8s %9s %9s %9s%n"
              .formatted("scripts", "true", "found", "wrong", "precision", "recall", "F1"));
      byScripts.forEach((k, v) -> s.append("%-22s %s%n".formatted(k, v)));
      s.append("%-22s %s%n".formatted("all", all));
      s.append("pairs in the possible band (for review, not counted): ").append(possible);
      return s.toString();
    }
  }

  private LinkageQuality() {}

  public static Report measure(List<SyntheticPeople.Registration> register) {
    ToLongFunction<String> keyed = hmac("synthetic-test-key");
    MatchFeatures[] features = new MatchFeatures[register.size()];
    int[] collective = new int[register.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = MatchKeys.of(register.get(i).plain(), keyed);
    }
    Linkage.Result result = Linkage.run(collective, features, null);
    Map<String, Counts> byScripts = new TreeMap<>();
    Counts all = new Counts();
    Map<Integer, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < register.size(); i++) {
      byPerson.computeIfAbsent(register.get(i).person(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> records : byPerson.values()) {
      for (int a = 0; a < records.size(); a++) {
        for (int b = a + 1; b < records.size(); b++) {
          all.truePairs++;
          counts(byScripts, register, records.get(a), records.get(b)).truePairs++;
        }
      }
    }
    long possible = 0;
    Set<Long> seen = new HashSet<>();
    var candidates = result.candidates();
    for (int i = 0; i < candidates.size(); i++) {
      if (result.bands()[i] == Band.POSSIBLE) {
        possible++;
      }
      if (result.bands()[i] != Band.LIKELY || !seen.add(candidates.pairs()[i])) {
        continue;
      }
      int a = candidates.first(i);
      int b = candidates.second(i);
      boolean same = register.get(a).person() == register.get(b).person();
      Counts c = counts(byScripts, register, a, b);
      if (!same && Boolean.getBoolean("sahay.linkage.missed") && all.wrong < 100000) {
        System.out.println(
            "wrong "
                + register.get(a).kind()
                + "/"
                + register.get(b).kind()
                + " p"
                + candidates.patterns()[i]
                + ": "
                + register.get(a).plain()
                + " / "
                + register.get(b).plain());
      }
      if (same) {
        all.found++;
        c.found++;
      } else {
        all.wrong++;
        c.wrong++;
      }
    }
    if (Boolean.getBoolean("sahay.linkage.missed")) {
      printMissed(register, result, byPerson);
    }
    return new Report(all, byScripts, possible, result.model().describe());
  }

  private static void printMissed(
      List<SyntheticPeople.Registration> register,
      Linkage.Result result,
      Map<Integer, List<Integer>> byPerson) {
    Map<Long, Integer> index = new HashMap<>();
    var c = result.candidates();
    for (int i = 0; i < c.size(); i++) {
      index.put(c.pairs()[i], i);
    }
    Map<String, Integer> missed = new TreeMap<>();
    int shown = 0;
    for (List<Integer> records : byPerson.values()) {
      if (records.size() < 2) {
        continue;
      }
      int a = records.get(0);
      int b = records.get(1);
      Integer i = index.get(((long) Math.min(a, b) << 32) | Math.max(a, b));
      String why;
      if (i == null) {
        why = "not a candidate";
      } else if (result.bands()[i] == Band.LIKELY) {
        continue;
      } else {
        int p = c.patterns()[i];
        why =
            "pattern n%d y%d p%d v%d"
                .formatted(
                    org.sahay.matching.internal.Comparison.level(p, 0),
                    org.sahay.matching.internal.Comparison.level(p, 1),
                    org.sahay.matching.internal.Comparison.level(p, 2),
                    org.sahay.matching.internal.Comparison.level(p, 3));
      }
      missed.merge(why, 1, Integer::sum);
      if (shown++ < 15) {
        System.out.println(why + ": " + register.get(a).plain() + " / " + register.get(b).plain());
      }
    }
    missed.forEach((k, v) -> System.out.println(k + " " + v));
  }

  private static Counts counts(
      Map<String, Counts> byScripts, List<SyntheticPeople.Registration> register, int a, int b) {
    String x = register.get(a).script().name();
    String y = register.get(b).script().name();
    String key = x.compareTo(y) <= 0 ? x + "-" + y : y + "-" + x;
    return byScripts.computeIfAbsent(key, k -> new Counts());
  }

  static ToLongFunction<String> hmac(String key) {
    return value -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(h).getLong();
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Prints the report for a register of the given size: {@code java ... LinkageQuality 20000}. */
  public static void main(String[] args) {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
    double namesakes = args.length > 2 ? Double.parseDouble(args[2]) : 0.03;
    var register = new SyntheticPeople(seed).register(persons, 20, 0.2, namesakes);
    long started = System.nanoTime();
    Report report = measure(register);
    System.out.println(register.size() + " records of " + persons + " people, seed " + seed);
    System.out.println(report.table());
    System.out.println(report.model());
    System.out.printf("took %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }
}
