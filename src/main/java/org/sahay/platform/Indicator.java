package org.sahay.platform;

import java.util.List;
import java.util.Objects;

/**
 * One indicator a module publishes for reports: its key (the catalogue's messages hold its name and
 * definition in each language as {@code indicator.<key>} and {@code indicator.<key>.definition}),
 * what it counts, what it is broken down by, and the labels of that breakdown when they are fixed
 * (an enum's names, shown through {@code labelPrefix}); districts and funds come with the data.
 */
public record Indicator(
    String key, Unit unit, Breakdown breakdown, String labelPrefix, List<String> labels) {

  /** What a value counts. People, households and records are counts of people: suppressed. */
  public enum Unit {
    PEOPLE,
    HOUSEHOLDS,
    RECORDS,
    /** Paise; never suppressed, since an amount of money names nobody. */
    MONEY;

    /** Whether a value of this unit is a count that small-cell suppression applies to. */
    public boolean counted() {
      return this != MONEY;
    }
  }

  /** What the values are broken down by. */
  public enum Breakdown {
    NONE,
    STATUS,
    DISTRICT,
    GENDER,
    AGE_BAND,
    CATEGORY,
    FUND,
    STAGE,
    SCHEME,
    VACCINE
  }

  public Indicator {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(breakdown, "breakdown");
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** An indicator broken down by a fixed set of labels, each shown as {@code prefix + label}. */
  public static Indicator fixed(
      String key, Unit unit, Breakdown breakdown, String labelPrefix, List<String> labels) {
    return new Indicator(key, unit, breakdown, labelPrefix, labels);
  }

  /** An indicator broken down by labels that come with the data (districts, funds, schemes). */
  public static Indicator open(String key, Unit unit, Breakdown breakdown) {
    return new Indicator(key, unit, breakdown, null, List.of());
  }

  /** An indicator of one value. */
  public static Indicator single(String key, Unit unit) {
    return new Indicator(key, unit, Breakdown.NONE, null, List.of());
  }

  /** The labels of an enum, in their declared order. */
  public static List<String> names(Class<? extends Enum<?>> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }
}
