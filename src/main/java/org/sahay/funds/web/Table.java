package org.sahay.funds.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as a table: CSV (UTF-8 with a byte order mark) or XLSX with an About sheet saying who
 * made it and when. Like the registry's exports, text a spreadsheet could run as a formula is
 * neutralised in both formats; amounts are numbers in rupees.
 */
record Table(String name, List<String> header, List<List<Object>> rows) {

  /** The formats a report downloads in. */
  enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  /** Text starting with = + - @, a tab or a carriage return gets a leading single quote. */
  static String neutralised(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + text;
    }
    return text;
  }

  void write(Format format, OutputStream out, Map<String, String> about) throws IOException {
    if (format == Format.CSV) {
      csv(out);
    } else {
      xlsx(out, about);
    }
  }

  private void csv(OutputStream out) throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write('\uFEFF');
    try (CSVPrinter printer =
        new CSVPrinter(
            writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<Object> row : rows) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object cell : row) {
          cells.add(
              cell == null
                  ? ""
                  : cell instanceof String text ? neutralised(text) : cell.toString());
        }
        printer.printRecord(cells);
      }
    }
  }

  private void xlsx(OutputStream out, Map<String, String> about) throws IOException {
    Workbook workbook = new Workbook(out, "Sahay", "1.0");
    Worksheet sheet = workbook.newWorksheet(name);
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
      sheet.style(0, c).bold().set();
    }
    int r = 1;
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        Object cell = row.get(c);
        if (cell instanceof Number number) {
          sheet.value(r, c, number);
        } else if (cell != null) {
          sheet.inlineString(r, c, neutralised(cell.toString()));
        }
      }
      r++;
    }
    sheet.finish();
    Worksheet aboutSheet = workbook.newWorksheet("About");
    int a = 0;
    for (var line : about.entrySet()) {
      aboutSheet.value(a, 0, line.getKey());
      aboutSheet.value(a, 1, neutralised(line.getValue()));
      a++;
    }
    aboutSheet.finish();
    workbook.finish();
  }
}
