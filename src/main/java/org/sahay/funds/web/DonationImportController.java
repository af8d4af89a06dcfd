package org.sahay.funds.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.funds.CampaignId;
import org.sahay.funds.Campaigns;
import org.sahay.funds.DonationImports;
import org.sahay.platform.FormState;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Importing donations from a bank or platform statement: a page, and the same as an API call. */
@Controller
class DonationImportController {

  /** One row of the report as JSON: the message keys and their text in the caller's language. */
  record RowBody(
      int line, DonationImports.Status status, String receiptNumber, List<String> messages) {}

  /** The report as JSON. */
  record ReportBody(long recorded, long skipped, long invalid, List<RowBody> rows) {}

  private final DonationImports imports;
  private final Campaigns campaigns;
  private final FundsPagesController pages;
  private final Problems problems;
  private final org.springframework.context.MessageSource messages;

  DonationImportController(
      DonationImports imports,
      Campaigns campaigns,
      FundsPagesController pages,
      Problems problems,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.imports = imports;
    this.campaigns = campaigns;
    this.pages = pages;
    this.problems = problems;
  }

  @GetMapping("/funds/campaigns/{id}/import")
  String page(Actor actor, @PathVariable CampaignId id, Model model) {
    return show(actor, id, model, null);
  }

  @CheckedBeforeBody("DONATION_RECORD")
  @PostMapping("/funds/campaigns/{id}/import")
  String upload(
      Actor actor,
      @PathVariable CampaignId id,
      @RequestParam("file") MultipartFile file,
      ColumnsForm form,
      Model model)
      throws IOException {
    var report = imports.importCsv(actor, id, file.getBytes(), form.mapping());
    model.addAttribute("columns", FormState.of(form, Map.of()));
    return show(actor, id, model, report);
  }

  @CheckedBeforeBody("DONATION_RECORD")
  @PostMapping(value = "/api/v1/campaigns/{id}/donations/import", consumes = "multipart/form-data")
  @ResponseBody
  ResponseEntity<?> apiMultipart(
      Actor actor,
      @PathVariable CampaignId id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String donorName,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String defaultChannel,
      @RequestParam(required = false) String accountId,
      jakarta.servlet.http.HttpServletRequest request)
      throws IOException {
    return answer(
        imports.importCsv(
            actor,
            id,
            file.getBytes(),
            new DonationImports.Mapping(
                date, amount, reference, donorName, channel, defaultChannel, accountId)),
        request);
  }

  @CheckedBeforeBody("DONATION_RECORD")
  @PostMapping(
      value = "/api/v1/campaigns/{id}/donations/import",
      consumes = {"text/csv", "text/plain", "application/octet-stream"})
  @ResponseBody
  ResponseEntity<?> apiCsv(
      Actor actor,
      @PathVariable CampaignId id,
      @RequestBody byte[] body,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String donorName,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String defaultChannel,
      @RequestParam(required = false) String accountId,
      jakarta.servlet.http.HttpServletRequest request) {
    return answer(
        imports.importCsv(
            actor,
            id,
            body,
            new DonationImports.Mapping(
                date, amount, reference, donorName, channel, defaultChannel, accountId)),
        request);
  }

  private ResponseEntity<?> answer(
      DonationImports.Report report, jakarta.servlet.http.HttpServletRequest request) {
    var locale = RequestContextUtils.getLocale(request);
    if (report.problem() != null) {
      return ResponseEntity.badRequest()
          .body(problems.of(HttpStatus.BAD_REQUEST, report.problem(), locale));
    }
    List<RowBody> rows =
        report.rows().stream()
            .map(
                r ->
                    new RowBody(
                        r.line(),
                        r.status(),
                        r.receiptNumber(),
                        r.errors().entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + ": "
                                        + messages.getMessage(
                                            e.getValue(), null, e.getValue(), locale))
                            .toList()))
            .toList();
    return ResponseEntity.ok(
        new ReportBody(
            report.count(DonationImports.Status.RECORDED),
            report.count(DonationImports.Status.KNOWN_REFERENCE)
                + report.count(DonationImports.Status.REPEATED_IN_FILE),
            report.count(DonationImports.Status.INVALID)
                + report.count(DonationImports.Status.REFUSED),
            rows));
  }

  private String show(Actor actor, CampaignId id, Model model, DonationImports.Report report) {
    var campaign = campaigns.get(actor, id);
    model.addAttribute("campaign", campaign);
    model.addAttribute("accounts", pages.moneyAccounts(actor, campaigns.organisationOf(actor, id)));
    model.addAttribute("report", report);
    if (!model.containsAttribute("columns")) {
      model.addAttribute("columns", FormState.empty());
    }
    return "funds/import";
  }

  /** A column name typed on the page; blank picks the usual names. */
  /** The upload page's fields: which of the file's columns holds what, and where money went. */
  record ColumnsForm(
      String dateColumn,
      String amountColumn,
      String referenceColumn,
      String donorColumn,
      String channelColumn,
      String defaultChannel,
      String accountId) {

    DonationImports.Mapping mapping() {
      return new DonationImports.Mapping(
          dateColumn,
          amountColumn,
          referenceColumn,
          donorColumn,
          channelColumn,
          defaultChannel,
          accountId);
    }
  }
}
