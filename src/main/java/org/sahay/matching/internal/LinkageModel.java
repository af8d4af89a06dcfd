package org.sahay.matching.internal;

import java.util.Arrays;

/**
 * A Fellegi-Sunter model of record linkage: for each field and level of a {@link Comparison}, how
 * likely that level is among pairs that are one person (m) and among pairs that are not (u), and
 * the share of candidate pairs that are one person (lambda). Fields are taken as independent given
 * the truth, so a pattern's probability is the product of its levels'.
 *
 * <p>The numbers are estimated from the candidate pairs themselves by expectation-maximisation
 * ({@link #estimate}), starting from the configured ones ({@link #configured}), which are kept when
 * there are too few pairs to learn from or when estimation ends somewhere that makes no sense. The
 * m of the name field stays as configured (see the note in {@link #estimate}).
 */
public final class LinkageModel {

  /** Fewer candidate pairs than this teach nothing reliable: the configured model is used. */
  public static final long FEWEST_PAIRS = 2_000;

  private static final double SMALLEST = 1e-6;
  private static final int ROUNDS = 200;

  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final boolean estimated;

  LinkageModel(double[][] m, double[][] u, double lambda, boolean estimated) {
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.estimated = estimated;
  }

  /**
   * The model before any data: chosen by hand for registers of collectives, see docs/matching.md.
   */
  public static LinkageModel configured() {
    double[][] m = {
      {0.005, 0.03, 0.05, 0.05, 0.45, 0.415},
      {0.35, 0.35, 0.15, 0.03, 0.12},
      {0.45, 0.05, 0.25, 0.25},
      {0.80, 0.10, 0.10}
    };
    double[][] u = {
      {0.30, 0.15, 0.45, 0.07, 0.025, 0.005},
      {0.08, 0.15, 0.20, 0.45, 0.12},
      {0.05, 0.005, 0.60, 0.345},
      {0.30, 0.60, 0.10}
    };
    return new LinkageModel(m, u, 0.05, false);
  }

  /**
   * Estimates the model from how many candidate pairs show each pattern; the configured model when
   * there are fewer than {@link #FEWEST_PAIRS}, or when the estimate would have whole names agree
   * less often among true pairs than among others (the two classes swapped).
   */
  public static LinkageModel estimate(long[] counts) {
    LinkageModel start = configured();
    long total = Arrays.stream(counts).sum();
    if (total < FEWEST_PAIRS) {
      return start;
    }
    double[][] m = copy(start.m);
    double[][] u = copy(start.u);
    double lambda = start.lambda;
    double[] g = new double[counts.length];
    for (int round = 0; round < ROUNDS; round++) {
      LinkageModel current = new LinkageModel(m, u, lambda, true);
      double matched = 0;
      for (int p = 0; p < counts.length; p++) {
        g[p] = counts[p] == 0 ? 0 : current.posterior(p);
        matched += counts[p] * g[p];
      }
      double[][] nm = zeros(m);
      double[][] nu = zeros(u);
      for (int p = 0; p < counts.length; p++) {
        if (counts[p] == 0) {
          continue;
        }
        for (int f = 0; f < Comparison.LEVELS.length; f++) {
          int level = Comparison.level(p, f);
          nm[f][level] += counts[p] * g[p];
          nu[f][level] += counts[p] * (1 - g[p]);
        }
      }
      double newLambda = Math.max(SMALLEST, Math.min(1 - SMALLEST, matched / total));
      normalise(nm);
      normalise(nu);
      // How names agree among true pairs is held as configured: left free, the "one person" class
      // drifts to "one household" (sisters share a phone, a village and a surname), a cluster the
      // fields describe just as well.
      nm[0] = start.m[0].clone();
      boolean settled = Math.abs(newLambda - lambda) < 1e-9;
      m = nm;
      u = nu;
      lambda = newLambda;
      if (settled) {
        break;
      }
    }
    LinkageModel learnt = new LinkageModel(m, u, lambda, true);
    int whole = Comparison.NAME_WHOLE_RARE;
    return learnt.m[0][whole] > learnt.u[0][whole] ? learnt : start;
  }

  /** The probability that a pair showing this pattern is one person. */
  public double posterior(int pattern) {
    double pm = lambda;
    double pu = 1 - lambda;
    for (int f = 0; f < Comparison.LEVELS.length; f++) {
      int level = Comparison.level(pattern, f);
      pm *= m[f][level];
      pu *= u[f][level];
    }
    return pm / (pm + pu);
  }

  /** The match weight of a pattern: the sum over fields of log2(m/u). */
  public double weight(int pattern) {
    double w = 0;
    for (int f = 0; f < Comparison.LEVELS.length; f++) {
      int level = Comparison.level(pattern, f);
      w += Math.log(m[f][level] / u[f][level]) / Math.log(2);
    }
    return w;
  }

  /** The weight one field's level adds (log2 of m/u), for the evidence shown with a pair. */
  public double weight(int field, int level) {
    return Math.log(m[field][level] / u[field][level]) / Math.log(2);
  }

  public boolean estimated() {
    return estimated;
  }

  public double lambda() {
    return lambda;
  }

  /** The model as text, for the scan's record: m and u per field, and lambda. */
  public String describe() {
    return "lambda=%.5f m=%s u=%s"
        .formatted(lambda, Arrays.deepToString(round(m)), Arrays.deepToString(round(u)));
  }

  private static double[][] round(double[][] x) {
    double[][] r = copy(x);
    for (double[] row : r) {
      for (int i = 0; i < row.length; i++) {
        row[i] = Math.round(row[i] * 10_000) / 10_000.0;
      }
    }
    return r;
  }

  private static double[][] copy(double[][] x) {
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }

  private static double[][] zeros(double[][] shape) {
    double[][] z = new double[shape.length][];
    for (int i = 0; i < shape.length; i++) {
      z[i] = new double[shape[i].length];
    }
    return z;
  }

  private static void normalise(double[][] x) {
    for (double[] row : x) {
      double sum = 0;
      for (int i = 0; i < row.length; i++) {
        row[i] = Math.max(row[i], SMALLEST);
        sum += row[i];
      }
      for (int i = 0; i < row.length; i++) {
        row[i] /= sum;
      }
    }
  }
}
