package org.sahay.support.web;

import java.nio.charset.StandardCharsets;
import org.sahay.support.SupportPayments;
import org.sahay.support.SupportRequestId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The reconciliation as CSV: one row per line, with the codes of those still waiting. */
final class ReconciliationCsv {

  private ReconciliationCsv() {}

  static ResponseEntity<String> of(SupportPayments.Reconciliation r, SupportRequestId id) {
    StringBuilder csv =
        new StringBuilder(
            "line,description,approved_paise,disbursed_paise,remaining_paise,waiting,"
                + "item,approved_quantity,delivered_quantity,handed_over\r\n");
    for (SupportPayments.LineBalance line : r.lines()) {
      csv.append(line.number())
          .append(',')
          .append(cell(line.description()))
          .append(',')
          .append(line.approvedPaise())
          .append(',')
          .append(line.disbursedPaise())
          .append(',')
          .append(line.remainingPaise())
          .append(',')
          .append(cell(String.join(" ", line.waiting())))
          .append(',')
          .append(line.item() == null ? "" : line.item().toString())
          .append(',')
          .append(line.approvedQuantity() == null ? "" : line.approvedQuantity().toString())
          .append(',')
          .append(line.deliveredQuantity() == null ? "" : line.deliveredQuantity().toString())
          .append(',')
          .append(line.handedOver() == null ? "" : line.handedOver().toPlainString())
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"reconciliation-" + id + ".csv\"")
        .header("Cache-Control", "no-store")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  /** A CSV cell, quoted, with formulas neutralised (a leading =, +, - or @ gets a quote mark). */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
