package org.sahay.forms.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.sahay.forms.Sheets;
import org.sahay.platform.XlsxLimits;

/** Reads sheets from XLSX workbooks and from tab-separated text. */
public final class SheetReaders {

  private SheetReaders() {}

  /** An XLSForm is a few hundred rows; a sheet longer than this is refused unread. */
  public static final int MAX_ROWS = 5000;

  /** The largest XLSForm file accepted. */
  public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

  /** Too many rows, too large a file, or one that expands too far: refused, with the reason. */
  public static final class TooLarge extends IOException {
    public TooLarge(String reason) {
      super(reason);
    }
  }

  public static Sheets xlsx(InputStream in) throws IOException {
    byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
    if (content.length > MAX_FILE_BYTES) {
      throw new TooLarge("file");
    }
    try {
      XlsxLimits.check(content);
    } catch (XlsxLimits.Refused e) {
      if (e.refusal() == XlsxLimits.Refusal.TOO_LARGE_EXPANDED) {
        throw new TooLarge("expanded");
      }
      throw e;
    }
    Map<String, Sheets.Sheet> sheets = new LinkedHashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
      for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
        if (sheet.getName() == null) {
          // A sheet without a name is none of a form's sheets (found by UploadFuzzTest).
          continue;
        }
        sheets.put(sheet.getName(), read(sheet));
      }
    } catch (TooLarge e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IOException("not a readable XLSX workbook", e);
    }
    return new Sheets(sheets);
  }

  private static Sheets.Sheet read(org.dhatim.fastexcel.reader.Sheet sheet) throws IOException {
    List<String> header = new ArrayList<>();
    List<Sheets.Row> rows = new ArrayList<>();
    try (Stream<Row> stream = sheet.openStream()) {
      int seen = 0;
      for (Row row : (Iterable<Row>) stream::iterator) {
        if (++seen > 2 * MAX_ROWS) {
          throw new TooLarge("rows");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(text(row, i));
        }
        if (header.isEmpty() && cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header.isEmpty()) {
          header.addAll(cells);
        } else {
          if (rows.size() >= MAX_ROWS) {
            throw new TooLarge("rows");
          }
          rows.add(new Sheets.Row(row.getRowNum(), cells));
        }
      }
    }
    return new Sheets.Sheet(sheet.getName(), header, rows);
  }

  private static String text(Row row, int index) {
    if (!row.hasCell(index)) {
      return "";
    }
    String text = row.getCellText(index);
    return text == null ? "" : text.strip();
  }

  public static Sheets.Sheet tsv(String name, String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = content.split("\r?\n", -1);
    List<String> header = new ArrayList<>();
    List<Sheets.Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      List<String> cells = new ArrayList<>();
      for (String cell : lines[i].split("\t", -1)) {
        cells.add(cell.strip());
      }
      if (i == 0) {
        header.addAll(cells);
      } else if (!(i == lines.length - 1 && lines[i].isEmpty())) {
        rows.add(new Sheets.Row(i + 1, cells));
      }
    }
    return new Sheets.Sheet(name, header, rows);
  }

  public static Optional<String> classpathText(String path) {
    try (InputStream in = SheetReaders.class.getClassLoader().getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
