package org.sahay.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a table row by row to a stream, as CSV or XLSX. Text that a spreadsheet could run as a
 * formula is neutralised in either format, so that an exported name cannot call out or compute.
 */
public interface TableWriter extends Closeable {

  /** Writes one row; a cell is text, a number or null (empty). */
  void row(List<?> cells) throws IOException;

  /** UTF-8 with a byte order mark, so that spreadsheet programs show Indian scripts correctly. */
  static TableWriter csv(OutputStream out, List<String> header) throws IOException {
    return new CsvTableWriter(out, header);
  }

  /** A "Members"-like first sheet named {@code sheet}, and a second sheet "About". */
  static TableWriter xlsx(
      OutputStream out, String sheet, List<String> header, Map<String, String> about)
      throws IOException {
    return new XlsxTableWriter(out, sheet, header, about);
  }

  /**
   * Text starting with {@code = + - @}, a tab or a carriage return, prefixed with a single quote:
   * spreadsheet programs would otherwise take it for a formula (CSV injection).
   */
  static String neutralised(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return switch (first) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
