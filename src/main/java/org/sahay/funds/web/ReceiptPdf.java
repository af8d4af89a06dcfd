package org.sahay.funds.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.funds.Receipt;
import org.sahay.platform.PdfDocument;
import org.sahay.platform.PdfDocument.Fact;

/**
 * A donation receipt as a PDF: the same sides as the page, the organisation's language first and
 * English after it, each with the amount in figures and in words in its own language.
 */
final class ReceiptPdf {

  private ReceiptPdf() {}

  static byte[] of(Receipt receipt, List<PublicSide> sides) {
    PdfDocument pdf =
        PdfDocument.a4(
            PdfDocument.Orientation.PORTRAIT,
            receipt.receiptNumber(),
            receipt.organisationLanguage());
    boolean first = true;
    for (PublicSide side : sides) {
      if (!first) {
        pdf.rule();
      }
      first = false;
      side(pdf, receipt, side);
    }
    return pdf.toBytes();
  }

  /** A file name without the slash of the receipt number: receipt-2026-27-000123.pdf. */
  static String fileName(Receipt receipt) {
    return "receipt-" + receipt.receiptNumber().replaceAll("[^A-Za-z0-9-]", "-") + ".pdf";
  }

  private static void side(PdfDocument pdf, Receipt receipt, PublicSide s) {
    if (receipt.reversed()) {
      pdf.heading(s.t("funds.receipt.reversed"));
    }
    pdf.title(s.t("funds.receipt.title"));
    pdf.heading(receipt.organisationName());
    if (receipt.organisationPlace() != null) {
      pdf.text(receipt.organisationPlace());
    }
    if (receipt.registration80g() != null) {
      pdf.text(s.t("funds.receipt.80g", receipt.registration80g()));
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(s.t("funds.receipt.number"), receipt.receiptNumber()));
    facts.add(new Fact(s.t("funds.donation.receivedOn"), s.date(receipt.receivedOn())));
    facts.add(
        new Fact(
            s.t("funds.receipt.from"),
            receipt.donorName() != null ? receipt.donorName() : s.t("funds.donor.anonymous")));
    facts.add(new Fact(s.t("funds.donation.amount"), s.money(receipt.amountPaise())));
    facts.add(new Fact(s.t("funds.receipt.inWords"), s.words(receipt.amountPaise())));
    facts.add(
        new Fact(
            s.t("funds.donation.channelLabel"), s.t("funds.channel." + receipt.channel().name())));
    if (receipt.reference() != null) {
      facts.add(new Fact(s.t("funds.donation.reference"), receipt.reference()));
    }
    facts.add(new Fact(s.t("funds.receipt.campaign"), receipt.campaignName()));
    pdf.facts(facts);
    pdf.note(s.t("funds.receipt.thanks"));
  }
}
