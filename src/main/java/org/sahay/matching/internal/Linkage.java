package org.sahay.matching.internal;

import org.sahay.matching.Band;

/**
 * Record linkage over a set of members: candidate pairs by blocking, a model estimated from their
 * comparisons, and the band of each pair by the probability that it is one person.
 */
public final class Linkage {

  /** A pair at least this likely to be one person is "likely the same". */
  public static final double LIKELY_AT = 0.8;

  /** A pair at least this likely, and below {@link #LIKELY_AT}, is "possibly the same". */
  public static final double POSSIBLE_AT = 0.3;

  /** The candidates, the model used, and the band of each candidate (null: neither). */
  public record Result(PairFinder.Candidates candidates, LinkageModel model, Band[] bands) {}

  private Linkage() {}

  public static Result run(int[] collective, MatchFeatures[] features, LinkageModel given) {
    return run(collective, features, given, features.length);
  }

  /**
   * As {@link #run(int[], MatchFeatures[], LinkageModel)}, for pairs with one of the first {@code
   * probes} in them.
   */
  public static Result run(
      int[] collective, MatchFeatures[] features, LinkageModel given, int probes) {
    PairFinder.Candidates candidates = PairFinder.candidates(collective, features, probes);
    LinkageModel model = given != null ? given : LinkageModel.estimate(candidates.counts());
    double[] byPattern = new double[Comparison.PATTERNS];
    for (int p = 0; p < byPattern.length; p++) {
      byPattern[p] = model.posterior(p);
    }
    Band[] bands = new Band[candidates.size()];
    for (int i = 0; i < bands.length; i++) {
      int pattern = candidates.patterns()[i];
      bands[i] = band(byPattern[pattern], pattern);
    }
    return new Result(candidates, model, bands);
  }

  /**
   * The band of a pair. Only whole names make a pair "likely" (sisters share a phone, a village and
   * a surname, and no weight of those should make two given names one person), or names spelled
   * alike with the same phone and the same year of birth.
   */
  public static Band band(double posterior, int pattern) {
    int name = Comparison.level(pattern, 0);
    boolean sameYearAndPhone =
        Comparison.level(pattern, 1) == Comparison.YEAR_SAME
            && Comparison.level(pattern, 2) == Comparison.PHONE_SAME;
    boolean namesAgree =
        name >= Comparison.NAME_WHOLE_ONE_WORD
            || (name >= Comparison.NAME_SKELETON && sameYearAndPhone);
    if (posterior >= LIKELY_AT && namesAgree) {
      return Band.LIKELY;
    }
    return posterior >= POSSIBLE_AT ? Band.POSSIBLE : null;
  }
}
