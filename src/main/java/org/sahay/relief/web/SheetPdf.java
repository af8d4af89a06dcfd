package org.sahay.relief.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.PdfDocument;
import org.sahay.platform.Ui;

/**
 * A distribution sheet as a PDF to print at the site: landscape A4, headings in the collective's
 * language, one row per hand-over with a box tall enough for a signature or a thumbprint, the
 * header row again on every page and "page 1 of N" at the foot.
 */
final class SheetPdf {

  /** About 15 mm: room for a thumbprint. */
  private static final float SIGNATURE_HEIGHT = 42f;

  private static final float[] WIDTHS = {0.5f, 1.5f, 3f, 2.2f, 2.2f, 3.2f};

  private SheetPdf() {}

  static byte[] of(Sheets.Sheet sheet) {
    Ui ui = sheet.ui();
    String title = ui.t("relief.page.sheet") + ": " + sheet.round().name();
    PdfDocument pdf =
        PdfDocument.a4(PdfDocument.Orientation.LANDSCAPE, title, ui.language())
            .title(title)
            .text(
                sheet.collective().name()
                    + " · "
                    + IndianFormats.date(sheet.round().startsOn(), ui.language())
                    + " – "
                    + IndianFormats.date(sheet.round().endsOn(), ui.language())
                    + (sheet.place().isEmpty()
                        ? ""
                        : " · " + ui.t("relief.page.location", sheet.place())))
            .text(ui.t("relief.page.eachGets", sheet.eachGets()));
    List<List<String>> rows = new ArrayList<>();
    for (SheetRow row : sheet.rows()) {
      String name =
          row.reversed() ? row.name() + " (" + ui.t("relief.page.reversedOne") + ")" : row.name();
      rows.add(
          List.of(
              String.valueOf(row.number()),
              row.code(),
              name,
              row.when(),
              row.by(),
              row.reversed() ? "—" : ""));
    }
    for (int i = 1; i <= Sheets.BLANK_ROWS; i++) {
      rows.add(List.of(String.valueOf(sheet.rows().size() + i), "", "", "", "", ""));
    }
    return pdf.table(
            new PdfDocument.Table(
                List.of(
                    "#",
                    ui.t("relief.page.code"),
                    ui.t("relief.page.name"),
                    ui.t("relief.page.when"),
                    ui.t("relief.page.recordedBy"),
                    ui.t("relief.page.signature")),
                WIDTHS,
                rows,
                SIGNATURE_HEIGHT))
        .note(ui.t("relief.page.printHint"))
        .pageNumbers((page, pages) -> ui.t("relief.page.page", page, pages))
        .toBytes();
  }

  /** sheet-ration-round.pdf, or sheet-{round id}.pdf when the name has no Latin letters. */
  static String fileName(Sheets.Sheet sheet) {
    String slug =
        sheet.round().name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    return "sheet-" + (slug.isEmpty() ? sheet.round().id().toString() : slug) + ".pdf";
  }
}
