package org.sahay.reporting;

import java.util.List;
import org.sahay.platform.Indicator;
import org.sahay.platform.SmallCount;

/**
 * One indicator as a dashboard shows it: its rows (one per label of its breakdown) and their total,
 * counts already suppressed where the viewer sees aggregates only; amounts of money as they are.
 * {@code wholeCollective}: a district was asked for but this indicator knows none.
 */
public record Panel(Indicator indicator, List<Row> rows, Row total, boolean wholeCollective) {

  /**
   * A label and its value: {@code labelKey} is a message key for fixed labels, {@code label} the
   * text that came with the data otherwise (a district, a fund, a scheme).
   */
  public record Row(String labelKey, String label, SmallCount count) {

    /** The largest value shown, for scaling a chart; 0 when suppressed. */
    public long shown() {
      return count.value() == null ? 0 : count.value();
    }
  }

  public Panel {
    rows = List.copyOf(rows);
  }

  /** Whether the values are amounts of paise rather than counts. */
  public boolean money() {
    return indicator.unit() == Indicator.Unit.MONEY;
  }
}
