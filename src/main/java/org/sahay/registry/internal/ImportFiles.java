package org.sahay.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.sahay.platform.XlsxLimits;

/**
 * Reads member lists from CSV (UTF-8, comma, semicolon or tab separated) and XLSX (first sheet),
 * the first row being the column names. Files are read as streams, so that 100,000 rows stay small.
 */
public final class ImportFiles {

  public enum Format {
    CSV,
    XLSX
  }

  /** A file that cannot be imported, with the message key that says why and what to do. */
  public static final class Refused extends Exception {
    private final String messageKey;
    private final Object[] args;

    public Refused(String messageKey, Object... args) {
      super(messageKey, null, false, false);
      this.messageKey = messageKey;
      this.args = args;
    }

    public String messageKey() {
      return messageKey;
    }

    public Object[] args() {
      return args;
    }
  }

  /** Receives each data row with its row number as a spreadsheet shows it (header is row 1). */
  @FunctionalInterface
  public interface RowHandler {
    void row(int rowNumber, List<String> values);
  }

  /** The column names and how many data rows follow them. */
  public record Shape(List<String> headers, int rows) {}

  private ImportFiles() {}

  public static Format detect(byte[] content) {
    boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
    return zip ? Format.XLSX : Format.CSV;
  }

  /** Checks the file can be read and counts its rows; refuses more than {@code maxRows}. */
  public static Shape inspect(Format format, byte[] content, int maxRows) throws Refused {
    if (content.length == 0) {
      throw new Refused("import.file.empty");
    }
    List<String> headers = new ArrayList<>();
    int[] rows = {0};
    read(
        format,
        content,
        headers,
        (n, values) -> {
          if (!values.stream().allMatch(String::isBlank)) {
            rows[0]++;
          }
        },
        maxRows);
    if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
      throw new Refused("import.file.noHeader");
    }
    if (rows[0] == 0) {
      throw new Refused("import.file.noRows");
    }
    return new Shape(List.copyOf(headers), rows[0]);
  }

  /** Streams every non-blank data row. */
  public static void forEachRow(Format format, byte[] content, RowHandler handler) {
    try {
      read(
          format,
          content,
          new ArrayList<>(),
          (n, values) -> {
            if (!values.stream().allMatch(String::isBlank)) {
              handler.row(n, values);
            }
          },
          Integer.MAX_VALUE);
    } catch (Refused e) {
      throw new IllegalStateException("the file was checked on upload", e);
    }
  }

  private static void read(
      Format format, byte[] content, List<String> headers, RowHandler rows, int maxRows)
      throws Refused {
    if (format == Format.XLSX) {
      readXlsx(content, headers, rows, maxRows);
    } else {
      readCsv(content, headers, rows, maxRows);
    }
  }

  private static void readCsv(byte[] content, List<String> headers, RowHandler rows, int maxRows)
      throws Refused {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Refused("import.file.encoding");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char delimiter = delimiter(text);
    CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!more(records, 1)) {
        throw new Refused("import.file.empty");
      }
      next(records, 1).forEach(headers::add);
      int count = 0;
      while (more(records, count + 2)) {
        CSVRecord record = next(records, count + 2);
        if (++count > maxRows) {
          throw new Refused("import.file.tooManyRows", maxRows);
        }
        List<String> values = new ArrayList<>(headers.size());
        record.forEach(values::add);
        rows.row(count + 1, values);
      }
    } catch (IOException e) {
      throw new Refused("import.file.brokenCsv", 1);
    }
  }

  // Commons CSV reports a quote left open, even in the header row, from hasNext() as well as
  // next(), unchecked: both become the refusal that names the row.
  private static boolean more(Iterator<CSVRecord> records, int line) throws Refused {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new Refused("import.file.brokenCsv", line);
    }
  }

  private static CSVRecord next(Iterator<CSVRecord> records, int line) throws Refused {
    try {
      return records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new Refused("import.file.brokenCsv", line);
    }
  }

  private static void readXlsx(byte[] content, List<String> headers, RowHandler rows, int maxRows)
      throws Refused {
    try {
      XlsxLimits.check(content);
    } catch (XlsxLimits.Refused e) {
      throw new Refused(
          e.refusal() == XlsxLimits.Refusal.TOO_LARGE_EXPANDED
              ? "import.file.tooLargeExpanded"
              : "import.file.brokenXlsx");
    }
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
        var stream = workbook.getFirstSheet().openStream()) {
      Iterator<Row> iterator = stream.iterator();
      if (!iterator.hasNext()) {
        throw new Refused("import.file.empty");
      }
      Row header = iterator.next();
      for (int i = 0; i < header.getCellCount(); i++) {
        headers.add(text(header, i));
      }
      int count = 0;
      while (iterator.hasNext()) {
        Row row = iterator.next();
        if (++count > maxRows) {
          throw new Refused("import.file.tooManyRows", maxRows);
        }
        List<String> values = new ArrayList<>(headers.size());
        for (int i = 0; i < Math.max(headers.size(), row.getCellCount()); i++) {
          values.add(text(row, i));
        }
        rows.row(row.getRowNum(), values);
      }
    } catch (IOException | RuntimeException e) {
      throw new Refused("import.file.brokenXlsx");
    }
  }

  private static String text(Row row, int index) {
    if (!row.hasCell(index)) {
      return "";
    }
    String text = row.getCellText(index);
    return text == null ? "" : text.strip();
  }

  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
    long commas = first.chars().filter(c -> c == ',').count();
    long semicolons = first.chars().filter(c -> c == ';').count();
    long tabs = first.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }
}
