package org.sahay.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.Campaign;
import org.sahay.funds.CampaignId;
import org.sahay.funds.Campaigns;
import org.sahay.funds.Donations;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsReports;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantId;
import org.sahay.funds.Grants;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.Ledger;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.OrganisationId;
import org.sahay.reporting.DonorReport.Kind;
import org.sahay.reporting.internal.NarrativeStore;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequests;
import org.springframework.stereotype.Service;

/**
 * Donor reports on a grant (for the collective, its mentors and the funder who gave it) or a
 * campaign (for the collective and its mentors), for some months; funds decides who may read the
 * grant or campaign, and the indicators come from the dashboards with the same suppression.
 */
@Service
public class DonorReports {

  /** What saving a narrative answered. */
  public sealed interface Saving {
    record Saved() implements Saving {}

    /** Somebody saved another version meanwhile: theirs, to be read before writing again. */
    record Conflict(DonorReport.Narrative current) implements Saving {}

    /** The text is empty or too long: the message key. */
    record Invalid(String messageKey) implements Saving {}
  }

  /** The longest narrative, in characters. */
  public static final int LONGEST = 8000;

  private final Grants grants;
  private final Campaigns campaigns;
  private final Donations donations;
  private final Expenses expenses;
  private final FundsReports fundsReports;
  private final Ledger ledger;
  private final SupportRequests support;
  private final Dashboards dashboards;
  private final Organisations organisations;
  private final NarrativeStore narratives;
  private final AccessPolicy policy;
  private final Today today;

  DonorReports(
      Grants grants,
      Campaigns campaigns,
      Donations donations,
      Expenses expenses,
      FundsReports fundsReports,
      Ledger ledger,
      SupportRequests support,
      Dashboards dashboards,
      Organisations organisations,
      NarrativeStore narratives,
      AccessPolicy policy,
      Today today) {
    this.grants = grants;
    this.campaigns = campaigns;
    this.donations = donations;
    this.expenses = expenses;
    this.fundsReports = fundsReports;
    this.ledger = ledger;
    this.support = support;
    this.dashboards = dashboards;
    this.organisations = organisations;
    this.narratives = narratives;
    this.policy = policy;
    this.today = today;
  }

  /** The report on a grant; the months default to the grant's own, up to this month. */
  public DonorReport grant(Actor by, GrantId id, YearMonth from, YearMonth to) {
    Grant grant = grants.get(by, id);
    YearMonth[] period = period(grant.organisationId(), grant.startsOn(), grant.endsOn(), from, to);
    LocalDate start = period[0].atDay(1);
    LocalDate until = period[1].plusMonths(1).atDay(1);
    long raised =
        grant.instalments().stream()
            .filter(i -> within(i.receivedOn(), start, until))
            .mapToLong(Grant.Instalment::amountPaise)
            .sum();
    Map<String, long[]> byCategory = new TreeMap<>();
    grant.spending().stream()
        .filter(s -> !s.reversed() && within(s.spentOn(), start, until))
        .forEach(s -> add(byCategory, s.category().name(), s.amountPaise(), s.peopleReached()));
    List<DonorReport.BudgetLine> lines =
        support.list(by).stream()
            .filter(r -> id.equals(r.grantId()))
            .flatMap(r -> r.lines().stream().map(l -> budgetLine(r, l)))
            .filter(l -> l.approvedPaise() > 0)
            .toList();
    return report(
        new DonorReport.Subject(
            Kind.GRANT,
            id.value(),
            grant.title(),
            grant.organisationId(),
            name(grant.organisationId()),
            name(grant.funderId()),
            grant.amountPaise(),
            grant.startsOn(),
            grant.endsOn()),
        by,
        period,
        raised,
        byCategory,
        grant.remainingPaise(),
        lines);
  }

  /** The report on a campaign; the months default to the campaign's own, up to this month. */
  public DonorReport campaign(Actor by, CampaignId id, YearMonth from, YearMonth to) {
    Campaign campaign = campaigns.get(by, id);
    OrganisationId owner = campaigns.organisationOf(by, id);
    YearMonth[] period = period(owner, campaign.startsOn(), campaign.endsOn(), from, to);
    LocalDate start = period[0].atDay(1);
    LocalDate until = period[1].plusMonths(1).atDay(1);
    Set<JournalEntryId> reversed = fundsReports.reversed(by, owner);
    long raised =
        donations.ofCampaign(by, id).stream()
            .filter(d -> !reversed.contains(d.journalEntryId()))
            .filter(d -> within(d.receivedOn(), start, until))
            .mapToLong(org.sahay.funds.Donation::amountPaise)
            .sum();
    Map<String, long[]> byCategory = new TreeMap<>();
    expenses.all(by, owner).stream()
        .filter(e -> !e.reversed() && e.expense().fundId().equals(campaign.fundId()))
        .filter(e -> within(e.expense().spentOn(), start, until))
        .forEach(
            e ->
                add(
                    byCategory,
                    e.expense().category().name(),
                    e.expense().amountPaise(),
                    e.expense().peopleReached()));
    long remaining =
        ledger.balances(by, owner).funds().stream()
            .filter(f -> f.id().equals(campaign.fundId()))
            .mapToLong(org.sahay.funds.FundBalance::remaining)
            .sum();
    return report(
        new DonorReport.Subject(
            Kind.CAMPAIGN,
            id.value(),
            campaign.name(),
            owner,
            name(owner),
            null,
            campaign.goalPaise(),
            campaign.startsOn(),
            campaign.endsOn()),
        by,
        period,
        raised,
        byCategory,
        remaining,
        List.of());
  }

  /**
   * Saves the narrative of the report on {@code subject} for the months, written over {@code
   * version} (null for the first); the collective's admins and leaders only.
   */
  public Saving saveNarrative(Actor by, DonorReport subject, String body, Integer version) {
    OrganisationId owner = subject.subject().organisation();
    policy.require(by, ReportAction.REPORT_WRITE, owner);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > LONGEST) {
      return new Saving.Invalid("donorReport.narrative.invalid");
    }
    LocalDate start = subject.from().atDay(1);
    LocalDate end = subject.to().atEndOfMonth();
    boolean saved =
        narratives.save(
            owner,
            subject.subject().kind().name(),
            subject.subject().id(),
            start,
            end,
            text,
            version,
            by.username());
    if (saved) {
      return new Saving.Saved();
    }
    return new Saving.Conflict(narrative(owner, subject.subject().id(), start, end));
  }

  private DonorReport report(
      DonorReport.Subject subject,
      Actor by,
      YearMonth[] period,
      long raised,
      Map<String, long[]> byCategory,
      long remaining,
      List<DonorReport.BudgetLine> lines) {
    List<DonorReport.CategoryLine> spending =
        byCategory.entrySet().stream()
            .map(e -> new DonorReport.CategoryLine(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    long spent = spending.stream().mapToLong(DonorReport.CategoryLine::paise).sum();
    long people = spending.stream().mapToLong(DonorReport.CategoryLine::peopleReached).sum();
    List<Panel> indicators =
        dashboards.panelsOf(by, subject.organisation(), period[0], period[1]).stream()
            .filter(p -> DonorReport.INDICATORS.contains(p.indicator().key()))
            .toList();
    return new DonorReport(
        subject,
        period[0],
        period[1],
        raised,
        spent,
        remaining,
        spending,
        people,
        lines,
        indicators,
        narrative(
            subject.organisation(), subject.id(), period[0].atDay(1), period[1].atEndOfMonth()),
        policy.permits(by, ReportAction.REPORT_WRITE, subject.organisation()));
  }

  private DonorReport.Narrative narrative(
      OrganisationId owner, UUID subject, LocalDate start, LocalDate end) {
    return narratives
        .find(owner, subject, start, end)
        .map(n -> new DonorReport.Narrative(n.body(), n.version(), n.updatedBy(), n.updatedAt()))
        .orElse(new DonorReport.Narrative("", null, null, null));
  }

  /**
   * The months asked for, else the subject's own up to this month in the owner's zone; never more
   * than five years.
   */
  private YearMonth[] period(
      OrganisationId owner, LocalDate startsOn, LocalDate endsOn, YearMonth from, YearMonth to) {
    YearMonth now = YearMonth.from(today.at(owner));
    YearMonth end =
        to != null
            ? to
            : endsOn == null || YearMonth.from(endsOn).isAfter(now) ? now : YearMonth.from(endsOn);
    YearMonth start = from != null ? from : YearMonth.from(startsOn);
    if (start.isAfter(end)) {
      start = end;
    }
    if (start.plusMonths(Dashboards.LONGEST).isBefore(end.plusMonths(1))) {
      start = end.minusMonths(Dashboards.LONGEST - 1);
    }
    return new YearMonth[] {start, end};
  }

  private static DonorReport.BudgetLine budgetLine(SupportRequest r, SupportRequest.Line l) {
    return new DonorReport.BudgetLine(
        r.title(),
        l.category(),
        l.description(),
        l.amountPaise(),
        l.approvedPaise() == null ? 0 : l.approvedPaise(),
        l.disbursedPaise());
  }

  private static void add(
      Map<String, long[]> byCategory, String category, long paise, long people) {
    long[] sums = byCategory.computeIfAbsent(category, k -> new long[2]);
    sums[0] += paise;
    sums[1] += people;
  }

  private static boolean within(LocalDate day, LocalDate start, LocalDate until) {
    return day != null && !day.isBefore(start) && day.isBefore(until);
  }

  private String name(OrganisationId id) {
    return id == null ? null : organisations.find(id).map(Organisation::name).orElse(null);
  }
}
