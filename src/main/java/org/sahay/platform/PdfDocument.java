package org.sahay.platform;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A printable A4 document in any of Sahay's four languages, mixed as a receipt mixes them: titles,
 * lines of text, label-value facts, tables whose header row repeats on every page, and "page 1 of
 * N" at the foot. Fonts are embedded as subsets, so a phone without Telugu or Bengali fonts shows
 * it right. Build it, then call {@link #toBytes()} once.
 */
public final class PdfDocument {

  /** Which way the A4 sheet lies. */
  public enum Orientation {
    PORTRAIT,
    LANDSCAPE
  }

  /** One line of a facts list: a label and its value. */
  public record Fact(String label, String value) {}

  /**
   * A table: its column headings, the relative widths of its columns, its rows (each as many cells
   * as headings) and the least height of a row in points, say for a signature.
   */
  public record Table(
      List<String> headings, float[] widths, List<List<String>> rows, float rowHeight) {
    public Table {
      headings = List.copyOf(headings);
      rows = List.copyOf(rows);
      widths = widths.clone();
      if (widths.length != headings.size()) {
        throw new IllegalArgumentException("a width for every column");
      }
      for (List<String> row : rows) {
        if (row.size() != headings.size()) {
          throw new IllegalArgumentException("a cell for every column");
        }
      }
    }
  }

  private static final float TEXT = 10f;
  private static final float SMALL = 8.5f;
  private static final float TITLE = 16f;
  private static final float HEADING = 12.5f;
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);
  private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);

  private final PdfFonts fonts = PdfFonts.get();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Document document;
  private BiFunction<Integer, Integer, String> pageLabel;

  private PdfDocument(Rectangle size, String title, Language language) {
    document = new Document(size, 36, 36, 36, 48);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.code()));
    document.addTitle(title);
    document.addCreator("Sahay");
    document.open();
  }

  /** An empty A4 document; {@code language} is the main language, for screen readers. */
  public static PdfDocument a4(Orientation orientation, String title, Language language) {
    Rectangle size = orientation == Orientation.LANDSCAPE ? PageSize.A4.rotate() : PageSize.A4;
    return new PdfDocument(size, title, language);
  }

  /** The document's title, large. */
  public PdfDocument title(String text) {
    return add(paragraph(text, TITLE, Font.BOLD, null, 4));
  }

  /** A heading within the document. */
  public PdfDocument heading(String text) {
    return add(paragraph(text, HEADING, Font.BOLD, null, 2));
  }

  /** A line of text; wraps when long. */
  public PdfDocument text(String text) {
    return add(paragraph(text, TEXT, Font.NORMAL, null, 2));
  }

  /** A line of small grey text, for notes. */
  public PdfDocument note(String text) {
    return add(paragraph(text, SMALL, Font.NORMAL, MUTED, 2));
  }

  /** A line across the page, to part two sections. */
  public PdfDocument rule() {
    PdfPTable line = new PdfPTable(1);
    line.setWidthPercentage(100);
    line.setSpacingBefore(6);
    line.setSpacingAfter(10);
    PdfPCell cell = new PdfPCell(fonts.phrase("", TEXT, Font.NORMAL, null));
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(MUTED);
    line.addCell(cell);
    return add(line);
  }

  /** Label-value lines, labels in a narrow first column; no borders. */
  public PdfDocument facts(List<Fact> facts) {
    PdfPTable table = new PdfPTable(new float[] {1f, 2f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(6);
    for (Fact fact : facts) {
      table.addCell(cell(fact.label(), Font.NORMAL, MUTED, false));
      table.addCell(cell(fact.value(), Font.NORMAL, null, false));
    }
    return add(table);
  }

  /** A bordered table whose header row repeats at the top of every page it runs onto. */
  public PdfDocument table(Table data) {
    PdfPTable table = new PdfPTable(data.widths());
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    table.setHeaderRows(1);
    for (String heading : data.headings()) {
      PdfPCell cell = cell(heading, Font.BOLD, null, true);
      cell.setBackgroundColor(HEADER_FILL);
      table.addCell(cell);
    }
    for (List<String> row : data.rows()) {
      for (String value : row) {
        PdfPCell cell = cell(value, Font.NORMAL, null, true);
        cell.setMinimumHeight(data.rowHeight());
        table.addCell(cell);
      }
    }
    return add(table);
  }

  /** Numbers every page at its foot with the label for (page, pages), say "Page 1 of 3". */
  public PdfDocument pageNumbers(BiFunction<Integer, Integer, String> label) {
    this.pageLabel = label;
    return this;
  }

  /**
   * The response that hands a PDF over as a file to save, never kept in a cache: receipts and
   * sheets carry names.
   */
  public static ResponseEntity<byte[]> download(String fileName, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf);
  }

  /** Closes the document and returns the PDF. */
  public byte[] toBytes() {
    document.close();
    byte[] pdf = out.toByteArray();
    return pageLabel == null ? pdf : numbered(pdf);
  }

  /** A second pass, because how many pages there are is known only once all are laid out. */
  private byte[] numbered(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      ByteArrayOutputStream numbered = new ByteArrayOutputStream(pdf.length + 4096);
      PdfStamper stamper = new PdfStamper(reader, numbered);
      int pages = reader.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        Rectangle size = reader.getPageSizeWithRotation(page);
        ColumnText.showTextAligned(
            stamper.getOverContent(page),
            Element.ALIGN_CENTER,
            fonts.phrase(pageLabel.apply(page, pages), SMALL, Font.NORMAL, MUTED),
            size.getWidth() / 2,
            24,
            0);
      }
      stamper.close();
      reader.close();
      return numbered.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PdfDocument add(Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("could not lay out the PDF", e);
    }
    return this;
  }

  private Paragraph paragraph(String text, float size, int style, Color color, float spacingAfter) {
    Paragraph paragraph = new Paragraph(fonts.phrase(text, size, style, color));
    paragraph.setSpacingAfter(spacingAfter);
    return paragraph;
  }

  private PdfPCell cell(String text, int style, Color color, boolean bordered) {
    PdfPCell cell = new PdfPCell(fonts.phrase(text, TEXT, style, color));
    // The same line spacing in every cell keeps the baselines of a row level, whatever the script.
    cell.setLeading(0, PdfFonts.LEADING);
    cell.setPadding(4);
    cell.setUseDescender(true);
    if (!bordered) {
      cell.setBorder(Rectangle.NO_BORDER);
    }
    return cell;
  }
}
