package org.sahay.entitlements;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.internal.CoverageStore;
import org.sahay.entitlements.internal.DriveStore;
import org.sahay.entitlements.internal.EntitlementStore;
import org.sahay.entitlements.internal.ListStore;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.Disclosure;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.registry.DocumentType;
import org.sahay.registry.MemberDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage of a collective: the share of its members who hold a ration card, a bank account,
 * Aadhaar and a voter ID, per district and in all, and how that stood month by month over the last
 * year (from the nightly snapshots, this month live); its drives; the lists it sent to district
 * offices with how many the office supplied; the documents won month by month. Its own people see
 * exact figures; those who mentor or fund it see counts, small ones suppressed; anyone else is told
 * it does not exist.
 */
@Service
public class Coverage {

  private final MemberDocuments documents;
  private final EntitlementStore entitlements;
  private final DriveStore drives;
  private final Drives driveProgress;
  private final CoverageStore snapshots;
  private final ListStore lists;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final Today today;

  Coverage(
      MemberDocuments documents,
      EntitlementStore entitlements,
      DriveStore drives,
      Drives driveProgress,
      CoverageStore snapshots,
      ListStore lists,
      Organisations organisations,
      AccessPolicy policy,
      Today today) {
    this.snapshots = snapshots;
    this.lists = lists;
    this.documents = documents;
    this.entitlements = entitlements;
    this.drives = drives;
    this.driveProgress = driveProgress;
    this.organisations = organisations;
    this.policy = policy;
    this.today = today;
  }

  @Transactional(readOnly = true)
  public CoverageView of(Actor by, OrganisationId collective) {
    Organisation organisation = organisations.find(collective).orElseThrow(NotFoundException::new);
    policy.require(by, EntitlementAction.COVERAGE_READ, collective);
    boolean exact = collective.equals(by.organisation());
    Map<String, Map<DocumentType, Long>> counts = documents.coverage(by, collective);
    List<CoverageView.Row> rows = new ArrayList<>();
    Map<DocumentType, Long> all = new java.util.HashMap<>();
    counts.forEach(
        (district, held) -> {
          rows.add(row(district, held, exact));
          held.forEach((type, n) -> all.merge(type, n, Long::sum));
        });
    List<CoverageView.DriveLine> lines = new ArrayList<>();
    for (Drive d : drives.all(collective)) {
      Long granted = exact ? driveProgress.progress(by, d.id()).granted() : null;
      lines.add(
          new CoverageView.DriveLine(
              d.id(), d.name(), d.targetNumber(), count(d.members(), exact), granted));
    }
    List<CoverageView.MonthLine> months = new ArrayList<>();
    YearMonth from = YearMonth.from(today.at(collective)).minusMonths(11);
    for (Object[] m : entitlements.grantsByMonth(collective, from.atDay(1))) {
      months.add(
          new CoverageView.MonthLine(
              YearMonth.of((Integer) m[0], (Integer) m[1]),
              DocumentType.valueOf((String) m[2]),
              count((Long) m[3], exact)));
    }
    return new CoverageView(
        collective,
        organisation.name(),
        exact,
        exact ? rows : protect(counts),
        row(null, all, exact),
        lines,
        months,
        trend(collective, counts, exact),
        lists(collective, exact));
  }

  /** Each district month by month: earlier months from the snapshots, this one live. */
  private List<CoverageView.TrendLine> trend(
      OrganisationId collective, Map<String, Map<DocumentType, Long>> counts, boolean exact) {
    YearMonth now = YearMonth.from(today.at(collective));
    Map<YearMonth, Map<String, Map<DocumentType, Long>>> months = new java.util.TreeMap<>();
    for (CoverageStore.Month m : snapshots.since(collective, now.minusMonths(11))) {
      if (m.month().isBefore(now)) {
        Map<DocumentType, Long> held = new java.util.HashMap<>(m.holding());
        held.put(null, m.members());
        months.computeIfAbsent(m.month(), k -> new java.util.TreeMap<>()).put(m.district(), held);
      }
    }
    months.put(now, counts);
    List<CoverageView.TrendLine> trend = new ArrayList<>();
    // A month's districts add up to that month's total (shown above for this month, worked out
    // from other answers for the rest): for counts only, each month is protected like the table.
    months.forEach(
        (month, byDistrict) -> {
          List<CoverageView.Row> rows = new ArrayList<>();
          if (exact) {
            byDistrict.forEach((district, held) -> rows.add(row(district, held, true)));
          } else {
            rows.addAll(protect(byDistrict));
          }
          rows.forEach(r -> trend.add(new CoverageView.TrendLine(month, r)));
        });
    trend.sort(
        java.util.Comparator.comparing((CoverageView.TrendLine t) -> t.row().district())
            .thenComparing(CoverageView.TrendLine::month));
    return trend;
  }

  /** The latest lists sent and what came of them; titles for the collective's own people only. */
  private List<CoverageView.ListLine> lists(OrganisationId collective, boolean exact) {
    List<CoverageView.ListLine> sent = new ArrayList<>();
    for (ListStore.Outcome o : lists.outcomes(collective, 50)) {
      sent.add(
          new CoverageView.ListLine(
              o.id(),
              exact ? o.title() : null,
              organisations.find(o.office()).map(Organisation::name).orElse(""),
              o.sentAt().atZoneSameInstant(today.zone(collective)).toLocalDate(),
              count(o.rows(), exact),
              count(o.supplied(), exact),
              o.acknowledgedAt() != null));
    }
    return sent;
  }

  /**
   * The district rows as those who see counts only see them: shown beside the total of every
   * column, so a lone suppressed district takes the smallest other one with it ({@link
   * Disclosure}).
   */
  private static List<CoverageView.Row> protect(Map<String, Map<DocumentType, Long>> counts) {
    List<String> districts = new ArrayList<>(counts.keySet());
    long[][] cells = new long[districts.size()][CoverageView.DOCUMENTS.size() + 1];
    for (int r = 0; r < districts.size(); r++) {
      Map<DocumentType, Long> held = counts.get(districts.get(r));
      cells[r][0] = held.getOrDefault(null, 0L);
      for (int c = 0; c < CoverageView.DOCUMENTS.size(); c++) {
        cells[r][c + 1] = held.getOrDefault(CoverageView.DOCUMENTS.get(c), 0L);
      }
    }
    List<List<SmallCount>> shown = Disclosure.table(cells, false, true);
    List<CoverageView.Row> rows = new ArrayList<>();
    for (int r = 0; r < districts.size(); r++) {
      Map<DocumentType, SmallCount> holding = new EnumMap<>(DocumentType.class);
      for (int c = 0; c < CoverageView.DOCUMENTS.size(); c++) {
        holding.put(CoverageView.DOCUMENTS.get(c), shown.get(r).get(c + 1));
      }
      rows.add(new CoverageView.Row(districts.get(r), shown.get(r).get(0), holding, Map.of()));
    }
    return rows;
  }

  private static CoverageView.Row row(
      String district, Map<DocumentType, Long> held, boolean exact) {
    long members = held.getOrDefault(null, 0L);
    Map<DocumentType, SmallCount> holding = new EnumMap<>(DocumentType.class);
    Map<DocumentType, Integer> percent = new EnumMap<>(DocumentType.class);
    for (DocumentType type : CoverageView.DOCUMENTS) {
      long n = held.getOrDefault(type, 0L);
      holding.put(type, count(n, exact));
      if (exact && members > 0) {
        percent.put(type, (int) Math.round(100.0 * n / members));
      }
    }
    return new CoverageView.Row(district, count(members, exact), holding, percent);
  }

  private static SmallCount count(long n, boolean exact) {
    return exact ? new SmallCount(n, false) : SmallCount.of(n);
  }
}
