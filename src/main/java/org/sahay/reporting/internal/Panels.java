package org.sahay.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sahay.platform.Disclosure;
import org.sahay.platform.Indicator;
import org.sahay.platform.Measure;
import org.sahay.platform.SmallCount;
import org.sahay.reporting.Panel;

/**
 * Makes a panel of an indicator's values: one row per fixed label (zeros shown), or per label that
 * came with the data, and their total; counts suppressed through {@link Disclosure} unless exact.
 */
public final class Panels {

  /** The label key for a value that came without a label (a member with no district). */
  static final String NONE = "indicator.label.none";

  private Panels() {}

  public static Panel of(
      Indicator indicator, List<Measure> values, boolean exact, boolean wholeCollective) {
    Map<String, Long> byLabel = new LinkedHashMap<>();
    if (indicator.breakdown() == Indicator.Breakdown.NONE) {
      byLabel.put("", values.stream().mapToLong(Measure::value).sum());
    } else if (!indicator.labels().isEmpty()) {
      indicator.labels().forEach(l -> byLabel.put(l, 0L));
      values.forEach(m -> byLabel.merge(m.label(), m.value(), Long::sum));
    } else {
      Map<String, Long> sorted =
          new TreeMap<>(
              (a, b) -> a.isEmpty() ? (b.isEmpty() ? 0 : 1) : b.isEmpty() ? -1 : a.compareTo(b));
      values.forEach(m -> sorted.merge(m.label(), m.value(), Long::sum));
      byLabel.putAll(sorted);
    }
    List<String> labels = new ArrayList<>(byLabel.keySet());
    long[] cells = byLabel.values().stream().mapToLong(Long::longValue).toArray();
    long sum = java.util.Arrays.stream(cells).sum();
    boolean plain = exact || !indicator.unit().counted();
    List<SmallCount> shown;
    if (plain) {
      shown = java.util.Arrays.stream(cells).mapToObj(v -> new SmallCount(v, false)).toList();
    } else if (cells.length == 1) {
      shown = List.of(SmallCount.of(cells[0]));
    } else {
      shown = Disclosure.withTotal(cells);
    }
    List<Panel.Row> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      rows.add(row(indicator, labels.get(i), shown.get(i)));
    }
    SmallCount total = plain ? new SmallCount(sum, false) : SmallCount.of(sum);
    return new Panel(indicator, rows, new Panel.Row("indicator.total", "", total), wholeCollective);
  }

  private static Panel.Row row(Indicator indicator, String label, SmallCount count) {
    if (indicator.breakdown() == Indicator.Breakdown.NONE) {
      return new Panel.Row("indicator." + indicator.key(), "", count);
    }
    if (!indicator.labels().isEmpty() && indicator.labels().contains(label)) {
      return new Panel.Row(indicator.labelPrefix() + label, label, count);
    }
    return label.isEmpty() ? new Panel.Row(NONE, "", count) : new Panel.Row(null, label, count);
  }
}
