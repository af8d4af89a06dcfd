package org.sahay.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX, streamed: rows are flushed to the output every few hundred, so memory stays small however
 * long the table. Text is always written as a plain string (never a formula) and neutralised too,
 * so that the file stays safe when somebody saves it again as CSV.
 */
final class XlsxTableWriter implements TableWriter {

  private static final int FLUSH_EVERY = 500;

  private final Workbook workbook;
  private final Worksheet sheet;
  private int next;

  XlsxTableWriter(OutputStream out, String name, List<String> header, Map<String, String> about)
      throws IOException {
    this.workbook = new Workbook(out, "Sahay", "1.0");
    this.sheet = workbook.newWorksheet(name);
    Worksheet aboutSheet = workbook.newWorksheet("About");
    int r = 0;
    for (var line : about.entrySet()) {
      aboutSheet.value(r, 0, line.getKey());
      aboutSheet.style(r, 0).bold().set();
      aboutSheet.value(r, 1, TableWriter.neutralised(line.getValue()));
      r++;
    }
    aboutSheet.width(0, 24);
    aboutSheet.width(1, 60);
    aboutSheet.finish();
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
      sheet.style(0, c).bold().set();
    }
    sheet.freezePane(0, 1);
    this.next = 1;
  }

  @Override
  public void row(List<?> cells) throws IOException {
    for (int c = 0; c < cells.size(); c++) {
      Object cell = cells.get(c);
      if (cell instanceof Number number) {
        sheet.value(next, c, number);
      } else if (cell != null) {
        // Inline, not shared: a shared-strings table would keep every name in memory to the end.
        sheet.inlineString(next, c, TableWriter.neutralised(cell.toString()));
      }
    }
    next++;
    if (next % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  @Override
  public void close() throws IOException {
    sheet.finish();
    workbook.finish();
  }
}
