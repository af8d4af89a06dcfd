package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.CampaignId;
import org.sahay.funds.Campaigns;
import org.sahay.funds.DonorTotal;
import org.sahay.funds.FundBalance;
import org.sahay.funds.FundBalances;
import org.sahay.funds.FundsReports;
import org.sahay.funds.Ledger;
import org.sahay.funds.MonthTotal;
import org.sahay.funds.TrialBalance;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reports as pages (amounts in Indian grouping) and as CSV or XLSX downloads ({@code ?format=csv});
 * every download is audited, and says who made it and when.
 */
@Controller
class ReportPagesController {

  private final Ledger ledger;
  private final FundsReports reports;
  private final Campaigns campaigns;
  private final AuditLog audit;
  private final Clock clock;

  ReportPagesController(
      Ledger ledger, FundsReports reports, Campaigns campaigns, AuditLog audit, Clock clock) {
    this.ledger = ledger;
    this.reports = reports;
    this.campaigns = campaigns;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/funds/reports/trial-balance")
  String trialBalance(
      Actor actor,
      @RequestParam(required = false) OrganisationId organisation,
      @RequestParam(required = false) String format,
      @ModelAttribute("ui") Ui ui,
      Model model,
      HttpServletResponse response)
      throws IOException {
    TrialBalance balance = ledger.trialBalance(actor, organisation);
    List<List<Object>> rows = new ArrayList<>();
    for (TrialBalance.Row r : balance.accounts()) {
      rows.add(
          List.of(r.code(), r.name(), r.kind().name(), rupees(r.debits()), rupees(r.credits())));
    }
    rows.add(
        List.of(
            "",
            ui.t("funds.report.total"),
            "",
            rupees(balance.debits()),
            rupees(balance.credits())));
    Table table =
        new Table(
            "Trial balance",
            List.of(
                ui.t("funds.report.code"),
                ui.t("funds.report.account"),
                ui.t("funds.report.kind"),
                ui.t("funds.report.debits"),
                ui.t("funds.report.credits")),
            rows);
    if (download(actor, organisation, format, table, "trial-balance", response)) {
      return null;
    }
    model.addAttribute("balance", balance);
    model.addAttribute("query", query(organisation));
    return "funds/trial-balance";
  }

  @GetMapping("/funds/reports/funds")
  String funds(
      Actor actor,
      @RequestParam(required = false) OrganisationId organisation,
      @RequestParam(required = false) String format,
      @ModelAttribute("ui") Ui ui,
      Model model,
      HttpServletResponse response)
      throws IOException {
    FundBalances balances = ledger.balances(actor, organisation);
    List<List<Object>> rows = new ArrayList<>();
    for (FundBalance f : balances.funds()) {
      rows.add(
          List.of(
              f.name(),
              ui.t("funds.kind." + f.kind().name()),
              f.foreignContribution() ? ui.t("funds.foreign") : ui.t("funds.domestic"),
              rupees(f.raised()),
              rupees(f.spent()),
              rupees(f.remaining())));
    }
    Table table =
        new Table(
            "Fund balances",
            List.of(
                ui.t("funds.report.fund"),
                ui.t("funds.report.kind"),
                ui.t("funds.report.origin"),
                ui.t("funds.report.raised"),
                ui.t("funds.report.spent"),
                ui.t("funds.report.remaining")),
            rows);
    if (download(actor, organisation, format, table, "fund-balances", response)) {
      return null;
    }
    model.addAttribute("balances", balances);
    model.addAttribute("query", query(organisation));
    return "funds/fund-balances";
  }

  @GetMapping("/funds/reports/monthly")
  String monthly(
      Actor actor,
      @RequestParam(required = false) OrganisationId organisation,
      @RequestParam(required = false) String format,
      @ModelAttribute("ui") Ui ui,
      Model model,
      HttpServletResponse response)
      throws IOException {
    List<MonthTotal> months = reports.byMonth(actor, organisation);
    List<List<Object>> rows = new ArrayList<>();
    for (MonthTotal m : months) {
      rows.add(
          List.of(
              String.format("%04d-%02d", m.year(), m.month()),
              rupees(m.incomePaise()),
              rupees(m.expenditurePaise()),
              rupees(m.surplusPaise())));
    }
    Table table =
        new Table(
            "Income and expenditure",
            List.of(
                ui.t("funds.report.month"),
                ui.t("funds.report.income"),
                ui.t("funds.report.expenditure"),
                ui.t("funds.report.surplus")),
            rows);
    if (download(actor, organisation, format, table, "income-expenditure", response)) {
      return null;
    }
    model.addAttribute("months", months);
    model.addAttribute("query", query(organisation));
    return "funds/monthly";
  }

  @GetMapping("/funds/campaigns/{id}/donors")
  String donors(
      Actor actor,
      @PathVariable CampaignId id,
      @RequestParam(required = false) String format,
      @ModelAttribute("ui") Ui ui,
      Model model,
      HttpServletResponse response)
      throws IOException {
    List<DonorTotal> donors = reports.donors(actor, id);
    List<List<Object>> rows = new ArrayList<>();
    for (DonorTotal d : donors) {
      List<Object> row = new ArrayList<>();
      row.add(d.donorName() == null ? ui.t("funds.donor.anonymous") : d.donorName());
      row.add(d.donorContact());
      row.add(d.donations());
      row.add(rupees(d.totalPaise()));
      row.add(d.firstOn().toString());
      row.add(d.lastOn().toString());
      rows.add(row);
    }
    Table table =
        new Table(
            "Donors",
            List.of(
                ui.t("funds.donor.name"),
                ui.t("funds.donor.contact"),
                ui.t("funds.report.donations"),
                ui.t("funds.report.total"),
                ui.t("funds.report.first"),
                ui.t("funds.report.last")),
            rows);
    OrganisationId organisation = campaigns.organisationOf(actor, id);
    if (download(actor, organisation, format, table, "donors", response)) {
      return null;
    }
    model.addAttribute("campaign", campaigns.get(actor, id));
    model.addAttribute("donors", donors);
    return "funds/donors";
  }

  private boolean download(
      Actor actor,
      OrganisationId organisation,
      String format,
      Table table,
      String name,
      HttpServletResponse response)
      throws IOException {
    if (format == null || format.isBlank()) {
      return false;
    }
    Table.Format chosen;
    try {
      chosen = Table.Format.valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    OrganisationId target = organisation != null ? organisation : actor.organisation();
    Instant now = clock.instant();
    String statement = "Exported by " + actor.username() + " at " + now + ": " + table.name();
    audit.record(
        new AuditLog.Event(
            actor.username(),
            target,
            "FUNDS_EXPORTED",
            "report",
            name,
            chosen.name() + ", " + table.rows().size() + " rows"));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(chosen.contentType);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(name + "-" + now.toString().substring(0, 10) + "." + chosen.extension)
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Sahay-Export", statement);
    Map<String, String> about = new LinkedHashMap<>();
    about.put("Report", table.name());
    about.put("Exported by", actor.username());
    about.put("Exported at", now.toString());
    table.write(chosen, response.getOutputStream(), about);
    response.flushBuffer();
    return true;
  }

  private static BigDecimal rupees(long paise) {
    return Money.ofPaise(paise).rupees();
  }

  private static String query(OrganisationId organisation) {
    return organisation == null ? "" : "organisation=" + organisation + "&";
  }
}
