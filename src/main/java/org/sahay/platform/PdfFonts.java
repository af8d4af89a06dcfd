package org.sahay.platform;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;

/**
 * The bundled Noto fonts, loaded once per process, and text split into runs by script so that each
 * run gets a font that has its letters. The JDK's layout engine (HarfBuzz) shapes every run through
 * OpenPDF's LayoutProcessor, so conjuncts and vowel signs of Telugu, Bengali and Devanagari come
 * out as they should, not as a row of separate letters.
 */
final class PdfFonts {

  /** Line spacing as a multiple of the font size. */
  static final float LEADING = 1.5f;

  private static final String FOLDER = "fonts/noto/";

  private final BaseFont latin;
  private final BaseFont telugu;
  private final BaseFont bengali;
  private final BaseFont devanagari;

  private PdfFonts() {
    enableShaping();
    latin = load("NotoSans-Regular.ttf");
    telugu = load("NotoSansTelugu-Regular.ttf");
    bengali = load("NotoSansBengali-Regular.ttf");
    devanagari = load("NotoSansDevanagari-Regular.ttf");
  }

  /** The fonts, read from the class path the first time a PDF is written. */
  static PdfFonts get() {
    return Holder.FONTS;
  }

  /**
   * The text as a phrase of runs, one font each, at the given size, style ({@link Font#NORMAL} or
   * {@link Font#BOLD}, which OpenPDF draws by stroking the outline) and colour (null for black);
   * the line spacing leaves room for Indic vowel signs above and below.
   */
  Phrase phrase(String text, float size, int style, Color color) {
    // The phrase's own font is Noto Sans too, else an empty line or cell would pull in Helvetica,
    // which is not embedded.
    Phrase phrase = new Phrase(size * LEADING, "", new Font(latin, size, style, color));
    if (text == null || text.isEmpty()) {
      return phrase;
    }
    int start = 0;
    BaseFont current = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      BaseFont wanted = fontFor(codePoint, current);
      if (current != null && wanted != current) {
        phrase.add(new Chunk(text.substring(start, i), new Font(current, size, style, color)));
        start = i;
      }
      current = wanted;
      i += Character.charCount(codePoint);
    }
    phrase.add(new Chunk(text.substring(start), new Font(current, size, style, color)));
    return phrase;
  }

  /**
   * The font of a letter's script; spaces, digits and punctuation stay in the run they are in while
   * its font has them, so that a phrase in one script is shaped as one run.
   */
  private BaseFont fontFor(int codePoint, BaseFont current) {
    UnicodeScript script = UnicodeScript.of(codePoint);
    switch (script) {
      case TELUGU:
        return telugu;
      case BENGALI:
        return bengali;
      case DEVANAGARI:
        return devanagari;
      case COMMON:
      case INHERITED:
        return current != null && current.charExists(codePoint) ? current : latin;
      default:
        return latin;
    }
  }

  /**
   * Shaping has to be on before the first font loads; it is one switch for the whole process. The
   * scripts' required forms (conjuncts, reordered vowel signs) are always applied; optional Latin
   * ligatures and kerning stay off, so that codes and user names extract letter by letter.
   */
  private static synchronized void enableShaping() {
    if (!LayoutProcessor.isEnabled()) {
      LayoutProcessor.enable();
      // The text behind each shaped run, so that copying, searching and screen readers get the
      // words and not the glyphs.
      LayoutProcessor.setWriteActualText();
    }
  }

  private static BaseFont load(String file) {
    String resource = FOLDER + file;
    try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: " + resource);
      }
      // Identity-H embeds a subset of the glyphs used; not cached by OpenPDF, held here instead.
      return BaseFont.createFont(
          resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    private static final PdfFonts FONTS = new PdfFonts();
  }
}
