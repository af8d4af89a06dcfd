package org.sahay.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV in UTF-8 with a byte order mark; every text cell neutralised. */
final class CsvTableWriter implements TableWriter {

  private final CSVPrinter printer;

  CsvTableWriter(OutputStream out, List<String> header) throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write('\uFEFF');
    this.printer =
        new CSVPrinter(
            writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
  }

  @Override
  public void row(List<?> cells) throws IOException {
    List<String> values = new ArrayList<>(cells.size());
    for (Object cell : cells) {
      values.add(
          cell == null
              ? ""
              : cell instanceof String text ? TableWriter.neutralised(text) : cell.toString());
    }
    printer.printRecord(values);
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
