package org.sahay.forms;

import java.util.List;
import java.util.Locale;

/**
 * Standard scoring of the PHQ-9 and GAD-7 screenings: items scored 0 to 3, summed, and banded; a
 * PHQ-9 item 9 (thoughts of self-harm) above 0 is urgent for a counsellor whatever the total.
 */
public final class Screenings {

  /** Severity bands of both screenings (GAD-7 has no moderately severe band). */
  public enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE;

    /** The value the built-in forms compute, for example moderately_severe. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A scored screening. */
  public record Result(int total, Band band, boolean urgent) {}

  private Screenings() {}

  /** Scores the nine PHQ-9 items in order. */
  public static Result phq9(List<Integer> items) {
    int total = total(items, 9);
    Band band;
    if (total >= 20) {
      band = Band.SEVERE;
    } else if (total >= 15) {
      band = Band.MODERATELY_SEVERE;
    } else {
      band = commonBand(total);
    }
    return new Result(total, band, items.get(8) > 0);
  }

  /** Scores the seven GAD-7 items in order; GAD-7 raises no urgent flag by itself. */
  public static Result gad7(List<Integer> items) {
    int total = total(items, 7);
    return new Result(total, total >= 15 ? Band.SEVERE : commonBand(total), false);
  }

  private static Band commonBand(int total) {
    if (total >= 10) {
      return Band.MODERATE;
    }
    return total >= 5 ? Band.MILD : Band.MINIMAL;
  }

  private static int total(List<Integer> items, int count) {
    if (items.size() != count) {
      throw new IllegalArgumentException("expected " + count + " items, got " + items.size());
    }
    int total = 0;
    for (Integer item : items) {
      if (item == null || item < 0 || item > 3) {
        throw new IllegalArgumentException("every item is scored 0 to 3");
      }
      total += item;
    }
    return total;
  }
}
