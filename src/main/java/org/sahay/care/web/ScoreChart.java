package org.sahay.care.web;

import java.util.List;
import java.util.Locale;
import org.sahay.forms.Submissions;

/**
 * A small line chart of PHQ-9 and GAD-7 scores over time, as SVG written on the server: each
 * screening's total as a share of its scale (27 and 21), PHQ-9 solid, GAD-7 dashed, each point
 * marked, so that it reads without colour. The page puts the same numbers in a table below it.
 */
final class ScoreChart {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 140;
  private static final int PAD = 20;

  private ScoreChart() {}

  /** The chart; {@code title} and {@code description} are its accessible name and description. */
  static String svg(List<Submissions.Score> scores, String title, String description) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">")
        .append("<title id=\"chart-title\">")
        .append(escape(title))
        .append("</title><desc id=\"chart-desc\">")
        .append(escape(description))
        .append("</desc>")
        .append("<line x1=\"20\" y1=\"120\" x2=\"300\" y2=\"120\" stroke=\"#555\"/>")
        .append("<line x1=\"20\" y1=\"20\" x2=\"20\" y2=\"120\" stroke=\"#555\"/>");
    line(svg, scores, "phq9", 27, "#8a1c1c", null);
    line(svg, scores, "gad7", 21, "#0b4f8a", "6 4");
    return svg.append("</svg>").toString();
  }

  private static void line(
      StringBuilder svg,
      List<Submissions.Score> scores,
      String form,
      int max,
      String colour,
      String dash) {
    int count = scores.size();
    StringBuilder points = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Submissions.Score s = scores.get(i);
      if (!s.form().equals(form)) {
        continue;
      }
      double x = PAD + (count == 1 ? 0 : (WIDTH - 2.0 * PAD) * i / (count - 1));
      double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * s.total() / max;
      String at = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
      points.append(at).append(' ');
      marks.append(
          String.format(
              Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, colour));
    }
    if (points.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\"")
          .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
          .append(" points=\"")
          .append(points.toString().strip())
          .append("\"/>")
          .append(marks);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
