package org.sahay;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads PDFs in tests: the text of each page, the text behind shaped runs, the fonts. */
public final class Pdfs {

  private Pdfs() {}

  /**
   * The text of a page as OpenPDF extracts it from the glyphs. Latin text and digits come back
   * whole; shaped Indic text does not, since a conjunct is one glyph for several letters.
   */
  public static String pageText(byte[] pdf, int page) {
    try {
      PdfReader reader = new PdfReader(pdf);
      return new PdfTextExtractor(reader).getTextFromPage(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int pages(byte[] pdf) {
    try {
      return new PdfReader(pdf).getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The words behind every shaped run of a page (its /ActualText), in order: what a reader copies
   * or a screen reader speaks, and what Indic text is before shaping.
   */
  public static List<String> actualText(byte[] pdf, int page) {
    try {
      PdfReader reader = new PdfReader(pdf);
      PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(page)));
      List<String> spans = new ArrayList<>();
      List<PdfObject> operands = new ArrayList<>();
      while (!parser.parse(operands).isEmpty()) {
        PdfObject operator = operands.get(operands.size() - 1);
        if (operator instanceof PdfLiteral
            && "BDC".equals(operator.toString())
            && operands.size() >= 3
            && operands.get(1) instanceof PdfDictionary properties
            && properties.get(PdfName.ACTUALTEXT) instanceof PdfString text) {
          spans.add(text.toUnicodeString());
        }
      }
      return spans;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fonts of a page by name (ABCDEF+NotoSansTelugu-Regular), true where the file is embedded.
   */
  public static Map<String, Boolean> fonts(byte[] pdf, int page) {
    try {
      PdfReader reader = new PdfReader(pdf);
      PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
      PdfDictionary fonts = resources.getAsDict(PdfName.FONT);
      Map<String, Boolean> found = new TreeMap<>();
      for (PdfName key : fonts.getKeys()) {
        PdfDictionary font = fonts.getAsDict(key);
        String name = PdfName.decodeName(font.getAsName(PdfName.BASEFONT).toString());
        PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
        PdfDictionary descriptor =
            descendants == null
                ? font.getAsDict(PdfName.FONTDESCRIPTOR)
                : descendants.getAsDict(0).getAsDict(PdfName.FONTDESCRIPTOR);
        found.put(name, descriptor != null && descriptor.get(PdfName.FONTFILE2) != null);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
