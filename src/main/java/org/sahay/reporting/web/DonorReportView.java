package org.sahay.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Money;
import org.sahay.platform.Ui;
import org.sahay.reporting.DonorReport;
import org.sahay.reporting.Panel;

/**
 * A donor report in the page's language, as sections of a table each (heading, column headings,
 * rows), so that the page, the PDF and the spreadsheet show the very same numbers.
 */
public record DonorReportView(
    DonorReport report, String title, String period, List<Section> sections) {

  /** One part of the report: its heading, its column headings and its rows. */
  public record Section(String id, String heading, List<String> columns, List<List<String>> rows) {}

  static DonorReportView of(DonorReport report, Ui ui) {
    DonorReport.Subject s = report.subject();
    String title = ui.t("donorReport.title." + s.kind().name(), s.title());
    String period =
        IndianFormats.date(report.from().atDay(1), ui.language())
            + " – "
            + IndianFormats.date(report.to().atEndOfMonth(), ui.language());
    List<Section> sections = new ArrayList<>();
    sections.add(money(report, ui));
    List<List<String>> spending = new ArrayList<>();
    for (DonorReport.CategoryLine line : report.spending()) {
      spending.add(
          List.of(
              ui.t("funds.category." + line.category()),
              ui.money(Money.ofPaise(line.paise())),
              IndianFormats.number(line.peopleReached(), ui.language())));
    }
    sections.add(
        new Section(
            "donor-spending",
            ui.t("donorReport.spending"),
            List.of(
                ui.t("donorReport.category"),
                ui.t("donorReport.amount"),
                ui.t("donorReport.people")),
            spending));
    if (s.kind() == DonorReport.Kind.GRANT) {
      List<List<String>> budget = new ArrayList<>();
      for (DonorReport.BudgetLine line : report.budgetLines()) {
        budget.add(
            List.of(
                line.request() + ": " + line.description(),
                ui.money(Money.ofPaise(line.approvedPaise())),
                ui.money(Money.ofPaise(line.paidPaise()))));
      }
      sections.add(
          new Section(
              "donor-budget",
              ui.t("donorReport.budget"),
              List.of(
                  ui.t("donorReport.line"), ui.t("donorReport.approved"), ui.t("donorReport.paid")),
              budget));
    }
    sections.add(indicators(report, ui));
    return new DonorReportView(report, title, period, sections);
  }

  private static DonorReportView.Section money(DonorReport report, Ui ui) {
    DonorReport.Subject s = report.subject();
    List<List<String>> money = new ArrayList<>();
    money.add(
        List.of(
            ui.t("donorReport." + (s.kind() == DonorReport.Kind.GRANT ? "granted" : "goal")),
            ui.money(Money.ofPaise(s.amountPaise()))));
    money.add(List.of(ui.t("donorReport.raised"), ui.money(Money.ofPaise(report.raisedPaise()))));
    money.add(List.of(ui.t("donorReport.spent"), ui.money(Money.ofPaise(report.spentPaise()))));
    money.add(
        List.of(ui.t("donorReport.remaining"), ui.money(Money.ofPaise(report.remainingPaise()))));
    money.add(
        List.of(
            ui.t("donorReport.peopleReached"),
            IndianFormats.number(report.peopleReached(), ui.language())));
    return new Section("donor-money", ui.t("donorReport.money"), List.of("", ""), money);
  }

  private static DonorReportView.Section indicators(DonorReport report, Ui ui) {
    List<List<String>> indicators = new ArrayList<>();
    for (Panel panel : report.indicators()) {
      String name = ui.t("indicator." + panel.indicator().key());
      DashboardView.Line total = DashboardView.line(panel, panel.total(), ui);
      if (panel.rows().size() == 1) {
        indicators.add(List.of(name, total.value()));
        continue;
      }
      for (Panel.Row row : panel.rows()) {
        if (Long.valueOf(0).equals(row.count().value())) {
          continue;
        }
        DashboardView.Line line = DashboardView.line(panel, row, ui);
        indicators.add(List.of(name + ": " + line.label(), line.value()));
      }
    }
    return new Section(
        "donor-indicators",
        ui.t("donorReport.indicators"),
        List.of(ui.t("report.label"), ui.t("report.value")),
        indicators);
  }
}
