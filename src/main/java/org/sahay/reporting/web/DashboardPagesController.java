package org.sahay.reporting.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.sahay.access.Actor;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Ui;
import org.sahay.reporting.Dashboards;
import org.sahay.reporting.IndicatorCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard page ({@code /reports}), narrowed by months, district and collective in the address
 * (none of them personal), and the catalogue of indicators ({@code /reports/indicators}).
 */
@Controller
class DashboardPagesController {

  private final Dashboards dashboards;
  private final IndicatorCatalogue catalogue;

  DashboardPagesController(Dashboards dashboards, IndicatorCatalogue catalogue) {
    this.dashboards = dashboards;
    this.catalogue = catalogue;
  }

  @GetMapping("/reports")
  String dashboard(
      Actor actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) OrganisationId collective,
      @ModelAttribute("ui") Ui ui,
      Model model) {
    YearMonth start = month(from);
    YearMonth end = month(to);
    boolean unreadable = (start == null && has(from)) || (end == null && has(to));
    var dashboard = dashboards.of(actor, new Dashboards.Filter(start, end, district, collective));
    model.addAttribute("view", DashboardView.of(dashboard, ui));
    model.addAttribute("unreadable", unreadable);
    return "reporting/dashboard";
  }

  @GetMapping("/reports/indicators")
  String indicators(Actor actor, Model model) {
    model.addAttribute("entries", catalogue.entries());
    return "reporting/indicators";
  }

  private static boolean has(String text) {
    return text != null && !text.isBlank();
  }

  /** A month as a month field sends it (2026-04); null when absent or unreadable. */
  static YearMonth month(String text) {
    if (!has(text)) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
