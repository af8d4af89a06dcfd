package org.sahay.platform;

/**
 * One value of an indicator: for one label of its breakdown (empty for an indicator of one value).
 * A count of people, households or records, or an amount in paise.
 */
public record Measure(String indicator, String label, long value) {

  public Measure {
    label = label == null ? "" : label;
  }
}
