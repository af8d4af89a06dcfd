package org.sahay.reporting.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Problems;
import org.sahay.reporting.Dashboards;
import org.sahay.reporting.IndicatorCatalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports in JSON: the catalogue ({@code /api/v1/indicators}) and the dashboard ({@code
 * /api/v1/reports/dashboard}), with the same suppression as the page.
 */
@RestController
class DashboardApiController {

  private final Dashboards dashboards;
  private final IndicatorCatalogue catalogue;
  private final Problems problems;

  DashboardApiController(Dashboards dashboards, IndicatorCatalogue catalogue, Problems problems) {
    this.dashboards = dashboards;
    this.catalogue = catalogue;
    this.problems = problems;
  }

  @GetMapping("/api/v1/indicators")
  List<IndicatorCatalogue.Entry> indicators(Actor actor) {
    return catalogue.entries();
  }

  @GetMapping("/api/v1/reports/dashboard")
  ResponseEntity<?> dashboard(
      Actor actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) OrganisationId collective,
      Locale locale) {
    YearMonth start = DashboardPagesController.month(from);
    YearMonth end = DashboardPagesController.month(to);
    Map<String, String> errors = new LinkedHashMap<>();
    if (start == null && from != null && !from.isBlank()) {
      errors.put("from", "report.period.invalid");
    }
    if (end == null && to != null && !to.isBlank()) {
      errors.put("to", "report.period.invalid");
    }
    if (!errors.isEmpty()) {
      return problems.invalid(errors, locale);
    }
    return ResponseEntity.ok(
        dashboards.of(actor, new Dashboards.Filter(start, end, district, collective)));
  }
}
