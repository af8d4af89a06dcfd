package org.sahay.reporting.web;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG written on the server, no script: one bar per row, its label above
 * it and its value as text beside it, so that long labels in Telugu fit a narrow phone and the
 * chart reads without colour. A suppressed value has no bar, only its words. {@code title} and
 * {@code description} give the chart its accessible name and description.
 */
final class BarChart {

  /** One bar: its label, its value (null when suppressed) and the value as the page says it. */
  record Bar(String label, Long value, String text) {}

  private static final int WIDTH = 320;
  private static final int ROW = 34;
  private static final int TOP = 8;

  private BarChart() {}

  static String svg(String id, String title, String description, List<Bar> bars) {
    long max = bars.stream().mapToLong(b -> b.value() == null ? 0 : b.value()).max().orElse(0);
    int height = TOP + ROW * Math.max(1, bars.size());
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" viewBox=\"0 0 %d %d\""
                    + " width=\"100%%\" role=\"img\" aria-labelledby=\"%s-title %s-desc\">",
                WIDTH,
                height,
                id,
                id))
        .append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(description))
        .append("</desc>");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + ROW * i;
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"bar-label\">", y + 10))
          .append(escape(bar.label()))
          .append("</text>");
      double width = 0;
      if (bar.value() != null && max > 0) {
        width = (WIDTH - 90.0) * bar.value() / max;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"0\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"#0b4f8a\"/>",
                y + 14,
                width));
      }
      svg.append(
              String.format(
                  Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bar-value\">", width + 4, y + 25))
          .append(escape(bar.text()))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
