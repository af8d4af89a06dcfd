package org.sahay.entitlements;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahay.entitlements.internal.CoverageStore;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.registry.DocumentType;
import org.sahay.registry.MemberDocuments;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps coverage over time: every night each collective's coverage per district is written as its
 * row of the month (in the collective's own calendar), so the last night of a month is how that
 * month ended. Counts only, never a name.
 */
@Component
public class CoverageSnapshots {

  private final MemberDocuments documents;
  private final CoverageStore store;
  private final Organisations organisations;
  private final Today today;

  CoverageSnapshots(
      MemberDocuments documents, CoverageStore store, Organisations organisations, Today today) {
    this.documents = documents;
    this.store = store;
    this.organisations = organisations;
    this.today = today;
  }

  /** Writes this month's row for every collective; answers how many collectives. */
  @Scheduled(cron = "${sahay.coverage.snapshot-cron:0 40 2 * * *}")
  @Transactional
  public int take() {
    int taken = 0;
    for (Organisation collective : organisations.ofKind(OrganisationKind.COLLECTIVE)) {
      YearMonth month = YearMonth.from(today.at(collective.id()));
      store.write(collective.id(), months(month, documents.coverageForSnapshot(collective.id())));
      taken++;
    }
    return taken;
  }

  /** The registry's counts by district as one month's rows. */
  static List<CoverageStore.Month> months(
      YearMonth month, Map<String, Map<DocumentType, Long>> counts) {
    List<CoverageStore.Month> rows = new ArrayList<>();
    counts.forEach(
        (district, held) -> {
          Map<DocumentType, Long> holding = new EnumMap<>(DocumentType.class);
          held.forEach(
              (type, n) -> {
                if (type != null) {
                  holding.put(type, n);
                }
              });
          rows.add(new CoverageStore.Month(month, district, held.getOrDefault(null, 0L), holding));
        });
    return rows;
  }
}
