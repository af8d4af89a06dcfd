package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.Pdfs;

class PdfDocumentTest {

  private static byte[] mixedReceipt() {
    return PdfDocument.a4(PdfDocument.Orientation.PORTRAIT, "Receipt", Language.TE)
        .title("విరాళం రసీదు")
        .facts(
            List.of(
                new PdfDocument.Fact("Receipt number", "2026-27/000123"),
                new PdfDocument.Fact("మొత్తం", "₹23,00,000"),
                new PdfDocument.Fact("అక్షరాలా", "ఇరవై మూడు లక్షల రూపాయలు మాత్రమే"),
                new PdfDocument.Fact("কথায়", "তেইশ লক্ষ টাকা মাত্র"),
                new PdfDocument.Fact("शब्दों में", "तेईस लाख रुपये मात्र")))
        .rule()
        .note("Rupees Twenty-Three Lakh Only")
        .toBytes();
  }

  @Test
  void aReceiptMixingScriptsEmbedsASubsetOfEachScriptsFont() {
    byte[] pdf = mixedReceipt();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    var fonts = Pdfs.fonts(pdf, 1);
    assertThat(fonts.keySet())
        .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSans-Regular"))
        .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSansTelugu-Regular"))
        .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSansBengali-Regular"))
        .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSansDevanagari-Regular"));
    assertThat(fonts.values()).as(fonts.toString()).containsOnly(true);
    assertThat(pdf.length).as("subsets, not whole fonts").isLessThan(120_000);
  }

  @Test
  void latinTextAndDigitsExtractAndShapedTextIsKeptAsActualText() {
    byte[] pdf = mixedReceipt();
    assertThat(Pdfs.pageText(pdf, 1))
        .contains("2026-27/000123")
        .contains("23,00,000")
        .contains("Rupees Twenty-Three Lakh Only");
    assertThat(Pdfs.actualText(pdf, 1))
        .contains("ఇరవై మూడు లక్షల రూపాయలు మాత్రమే")
        .contains("তেইশ লক্ষ টাকা মাত্র")
        .contains("तेईस लाख रुपये मात्र");
  }

  @Test
  void aLongTableRunsOverPagesWithItsHeaderOnEachAndPageNumbersAtTheFoot() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      rows.add(List.of(String.valueOf(i), "GNT-" + String.format("%06d", i), ""));
    }
    byte[] pdf =
        PdfDocument.a4(PdfDocument.Orientation.LANDSCAPE, "Sheet", Language.EN)
            .title("Distribution sheet")
            .table(
                new PdfDocument.Table(
                    List.of("#", "Code", "Signature or thumbprint"),
                    new float[] {1, 3, 6},
                    rows,
                    40))
            .pageNumbers((page, pages) -> "Page " + page + " of " + pages)
            .toBytes();
    int pages = Pdfs.pages(pdf);
    assertThat(pages).isGreaterThan(2);
    String all = "";
    for (int page = 1; page <= pages; page++) {
      String text = Pdfs.pageText(pdf, page);
      assertThat(text)
          .contains("Signature or thumbprint")
          .contains("Page " + page + " of " + pages);
      all += text;
    }
    for (int i = 1; i <= 60; i++) {
      assertThat(all).contains("GNT-" + String.format("%06d", i));
    }
  }

  @Test
  void aTableRowMustHaveACellForEveryColumn() {
    assertThatThrownBy(
            () ->
                new PdfDocument.Table(
                    List.of("a", "b"), new float[] {1, 1}, List.of(List.of("only one")), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
