package org.sahay.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/**
 * A donor report on a grant or a campaign for some months: what came in and went out in those
 * months, spending by category with the people it reached, the budget lines the funder approved and
 * what was paid against them, the collective's indicators over the same months (suppressed for
 * anyone but the collective), and what the collective wrote in its own words.
 */
public record DonorReport(
    Subject subject,
    YearMonth from,
    YearMonth to,
    long raisedPaise,
    long spentPaise,
    long remainingPaise,
    List<CategoryLine> spending,
    long peopleReached,
    List<BudgetLine> budgetLines,
    List<Panel> indicators,
    Narrative narrative,
    boolean canWrite) {

  /** Whether the report is on a grant or a campaign. */
  public enum Kind {
    GRANT,
    CAMPAIGN
  }

  /** What the report is about. */
  public record Subject(
      Kind kind,
      UUID id,
      String title,
      OrganisationId organisation,
      String organisationName,
      String funderName,
      long amountPaise,
      LocalDate startsOn,
      LocalDate endsOn) {}

  /** Spending of one category in the period, and the people it reached as recorded. */
  public record CategoryLine(String category, long paise, long peopleReached) {}

  /** An approved budget line of a support request on the grant, and what was paid against it. */
  public record BudgetLine(
      String request,
      String category,
      String description,
      long requestedPaise,
      long approvedPaise,
      long paidPaise) {}

  /** The narrative, or an empty one not yet written (version null). */
  public record Narrative(String body, Integer version, String by, OffsetDateTime at) {}

  public DonorReport {
    spending = List.copyOf(spending);
    budgetLines = List.copyOf(budgetLines);
    indicators = List.copyOf(indicators);
  }

  /** The indicators a donor report shows, of those the dashboard has. */
  public static final List<String> INDICATORS =
      List.of(
          "members.status",
          "households.registered",
          "needs.met",
          "relief.households",
          "relief.people",
          "relief.kits",
          "support.amounts",
          "entitlements.grantedInPeriod",
          "care.sessions",
          "care.doses");
}
