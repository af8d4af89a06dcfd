package org.sahay.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.platform.Money;
import org.sahay.platform.Ui;
import org.sahay.reporting.Dashboard;
import org.sahay.reporting.Panel;

/**
 * A dashboard in the page's language: each panel's title, definition, chart and the same numbers as
 * lines of a table, so that what the chart shows can also be read, copied and printed.
 */
public record DashboardView(Dashboard dashboard, List<PanelView> panels) {

  /** One line of a panel's table: its label and its value as the page says them. */
  public record Line(String label, String value) {}

  /** One panel as shown. */
  public record PanelView(
      String id,
      String title,
      String definition,
      String chart,
      List<Line> lines,
      Line total,
      boolean wholeCollective,
      boolean single) {}

  static DashboardView of(Dashboard dashboard, Ui ui) {
    List<PanelView> panels = new ArrayList<>();
    for (Panel panel : dashboard.panels()) {
      String key = panel.indicator().key();
      String id = "ind-" + key.replace('.', '-');
      String title = ui.t("indicator." + key);
      List<Line> lines = new ArrayList<>();
      List<BarChart.Bar> bars = new ArrayList<>();
      for (Panel.Row row : panel.rows()) {
        Line line = line(panel, row, ui);
        lines.add(line);
        bars.add(new BarChart.Bar(line.label(), row.count().value(), line.value()));
      }
      Line total = new Line(ui.t("indicator.total"), value(panel, panel.total(), ui));
      boolean single = panel.rows().size() == 1 && panel.indicator().labels().isEmpty();
      String description =
          ui.t("report.chart.description", title, total.value(), String.valueOf(lines.size()));
      panels.add(
          new PanelView(
              id,
              title,
              ui.t("indicator." + key + ".definition"),
              single ? null : BarChart.svg(id, title, description, bars),
              lines,
              total,
              panel.wholeCollective(),
              single));
    }
    return new DashboardView(dashboard, panels);
  }

  /** A row of a panel as the page says it: its label and its value. */
  static Line line(Panel panel, Panel.Row row, Ui ui) {
    return new Line(
        row.labelKey() == null ? row.label() : ui.t(row.labelKey()), value(panel, row, ui));
  }

  private static String value(Panel panel, Panel.Row row, Ui ui) {
    if (panel.money() && row.count().value() != null) {
      return ui.money(Money.ofPaise(row.count().value()));
    }
    return row.count().text(ui);
  }
}
