package org.sahay.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.CampaignId;
import org.sahay.funds.GrantId;
import org.sahay.platform.PdfDocument;
import org.sahay.platform.TableWriter;
import org.sahay.platform.Ui;
import org.sahay.reporting.DonorReport;
import org.sahay.reporting.DonorReports;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Donor reports on a grant or a campaign: the printable page with its narrative, and the same
 * report as a PDF and as XLSX, each stating who made it and when, and each made audited.
 */
@Controller
class DonorReportPagesController {

  private static final float[] TWO = {3f, 2f};
  private static final float[] THREE = {3f, 2f, 2f};

  private final DonorReports reports;
  private final AuditLog audit;
  private final Clock clock;
  private final org.sahay.organisations.Today today;

  DonorReportPagesController(
      DonorReports reports, AuditLog audit, Clock clock, org.sahay.organisations.Today today) {
    this.reports = reports;
    this.audit = audit;
    this.clock = clock;
    this.today = today;
  }

  @GetMapping("/reports/donor/{kind}/{id}")
  String page(
      Actor actor,
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @ModelAttribute("ui") Ui ui,
      Model model) {
    DonorReport report = report(actor, kind, id, from, to);
    model.addAttribute("view", DonorReportView.of(report, ui));
    model.addAttribute("path", path(report));
    for (String flash : List.of("notice", "problem", "theirs", "draft")) {
      if (!model.containsAttribute(flash)) {
        model.addAttribute(flash, null);
      }
    }
    return "reporting/donor";
  }

  @PostMapping("/reports/donor/{kind}/{id}/narrative")
  String narrative(
      Actor actor,
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    DonorReport report = report(actor, kind, id, from, to);
    DonorReports.Saving saving = reports.saveNarrative(actor, report, body, version);
    if (saving instanceof DonorReports.Saving.Saved) {
      redirect.addFlashAttribute("notice", "donorReport.narrative.saved");
    } else if (saving instanceof DonorReports.Saving.Conflict conflict) {
      redirect.addFlashAttribute("problem", "donorReport.narrative.conflict");
      redirect.addFlashAttribute("theirs", conflict.current().body());
      redirect.addFlashAttribute("draft", body);
    } else {
      redirect.addFlashAttribute("problem", ((DonorReports.Saving.Invalid) saving).messageKey());
      redirect.addFlashAttribute("draft", body);
    }
    return "redirect:" + path(report);
  }

  @GetMapping("/reports/donor/{kind}/{id}/report.pdf")
  ResponseEntity<byte[]> pdf(
      Actor actor,
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @ModelAttribute("ui") Ui ui) {
    DonorReportView view = DonorReportView.of(report(actor, kind, id, from, to), ui);
    Instant now = audited(actor, view, "PDF");
    PdfDocument pdf =
        PdfDocument.a4(PdfDocument.Orientation.PORTRAIT, view.title(), ui.language())
            .title(view.title())
            .text(view.report().subject().organisationName() + " · " + view.period());
    for (DonorReportView.Section section : view.sections()) {
      pdf.heading(section.heading());
      if (section.rows().isEmpty()) {
        pdf.text(ui.t("donorReport.none"));
        continue;
      }
      pdf.table(
          new PdfDocument.Table(
              section.columns(), section.columns().size() == 2 ? TWO : THREE, section.rows(), 0f));
    }
    pdf.heading(ui.t("donorReport.narrative"));
    String narrative = view.report().narrative().body();
    pdf.text(narrative.isEmpty() ? ui.t("donorReport.narrative.none") : narrative);
    pdf.note(
        ui.t(
            "donorReport.madeBy",
            actor.username(),
            ui.dateTime(now, today.zone(view.report().subject().organisation()))));
    byte[] bytes =
        pdf.pageNumbers((page, pages) -> ui.t("relief.page.page", page, pages)).toBytes();
    return PdfDocument.download(fileName(view, "pdf"), bytes);
  }

  @GetMapping("/reports/donor/{kind}/{id}/report.xlsx")
  ResponseEntity<byte[]> xlsx(
      Actor actor,
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @ModelAttribute("ui") Ui ui)
      throws IOException {
    DonorReportView view = DonorReportView.of(report(actor, kind, id, from, to), ui);
    Instant now = audited(actor, view, "XLSX");
    Map<String, String> about = new LinkedHashMap<>();
    about.put(ui.t("donorReport.about.report"), view.title());
    about.put(ui.t("donorReport.about.period"), view.period());
    about.put(ui.t("donorReport.about.madeBy"), actor.username());
    about.put(ui.t("donorReport.about.madeAt"), now.toString());
    about.put(ui.t("donorReport.narrative"), view.report().narrative().body());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter table =
        TableWriter.xlsx(
            out,
            "Report",
            List.of(ui.t("donorReport.section"), ui.t("report.label"), ui.t("report.value"), ""),
            about)) {
      for (DonorReportView.Section section : view.sections()) {
        for (List<String> row : section.rows()) {
          List<Object> cells = new ArrayList<>();
          cells.add(section.heading());
          cells.addAll(row);
          table.row(cells);
        }
      }
    }
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName(view, "xlsx")).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(out.toByteArray());
  }

  private Instant audited(Actor actor, DonorReportView view, String format) {
    DonorReport.Subject s = view.report().subject();
    audit.record(
        new AuditLog.Event(
            actor.username(),
            s.organisation(),
            "DONOR_REPORT_EXPORTED",
            s.kind().name().toLowerCase(java.util.Locale.ROOT),
            s.id().toString(),
            format + ", " + view.report().from() + " to " + view.report().to()));
    return clock.instant();
  }

  private DonorReport report(Actor actor, String kind, String id, String from, String to) {
    YearMonth start = DashboardPagesController.month(from);
    YearMonth end = DashboardPagesController.month(to);
    try {
      return switch (kind) {
        case "grants" -> reports.grant(actor, GrantId.of(id), start, end);
        case "campaigns" -> reports.campaign(actor, CampaignId.of(id), start, end);
        default -> throw new org.sahay.platform.NotFoundException();
      };
    } catch (IllegalArgumentException e) {
      throw new org.sahay.platform.NotFoundException();
    }
  }

  private static String path(DonorReport report) {
    return "/reports/donor/"
        + (report.subject().kind() == DonorReport.Kind.GRANT ? "grants" : "campaigns")
        + "/"
        + report.subject().id()
        + "?from="
        + report.from()
        + "&to="
        + report.to();
  }

  private static String fileName(DonorReportView view, String extension) {
    return "donor-report-" + view.report().from() + "-" + view.report().to() + "." + extension;
  }
}
