package org.sahay.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sahay.forms.internal.SheetReaders;

/**
 * The sheets of a form as read from XLSX or TSV text: each sheet a header row and data rows with
 * their row numbers as the spreadsheet shows them (the header is row 1).
 */
public record Sheets(Map<String, Sheet> sheets) {

  public Sheets {
    Map<String, Sheet> byName = new LinkedHashMap<>();
    sheets.forEach((name, sheet) -> byName.put(name.strip().toLowerCase(Locale.ROOT), sheet));
    sheets = Collections.unmodifiableMap(byName);
  }

  /** One sheet: its name, its header cells and its data rows. */
  public record Sheet(String name, List<String> header, List<Row> rows) {
    public Sheet {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }
  }

  /** A data row with its 1-based row number and cells aligned with the header. */
  public record Row(int number, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    public String cell(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** The sheet with this name, ignoring case. */
  public Optional<Sheet> sheet(String name) {
    return Optional.ofNullable(sheets.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Reads every sheet of an XLSX workbook; throws when the file is not a readable workbook. */
  public static Sheets fromXlsx(InputStream in) throws IOException {
    return SheetReaders.xlsx(in);
  }

  /**
   * Reads tab-separated texts, one per sheet (sheet name to text); line n is row n, without
   * quoting.
   */
  public static Sheets fromTsv(Map<String, String> texts) {
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    texts.forEach((name, text) -> sheets.put(name, SheetReaders.tsv(name, text)));
    return new Sheets(sheets);
  }

  /**
   * Reads {@code survey.tsv}, {@code choices.tsv} and {@code settings.tsv} from a classpath folder.
   */
  public static Sheets fromClasspath(String folder) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : List.of("survey", "choices", "settings")) {
      SheetReaders.classpathText(folder + "/" + name + ".tsv").ifPresent(t -> texts.put(name, t));
    }
    return fromTsv(texts);
  }
}
