package org.sahay.care;

import java.time.LocalDate;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.internal.VaccinationStore;
import org.sahay.organisations.Today;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A collective's care at a glance: counselling sessions this month and (for counsellors) who is
 * waiting; doses given this month and due now; exploitative loans open, for those who may read
 * debts; open incidents, for those granted them. A part the actor may not see is null, not zero.
 */
@Service
public class CareOverview {

  /** The overview; {@code flaggedLoans} and {@code openIncidents} are null when not permitted. */
  public record View(
      long sessionsThisMonth,
      Integer waiting,
      long dosesThisMonth,
      long dosesDue,
      boolean health,
      Long flaggedLoans,
      Long openIncidents) {}

  private final VaccinationStore doses;
  private final org.sahay.care.internal.CounsellingStore counsellingStore;
  private final Counselling counselling;
  private final Vaccinations vaccinations;
  private final Loans loans;
  private final Incidents incidents;
  private final AccessPolicy policy;
  private final Today today;

  CareOverview(
      VaccinationStore doses,
      org.sahay.care.internal.CounsellingStore counsellingStore,
      Counselling counselling,
      Vaccinations vaccinations,
      Loans loans,
      Incidents incidents,
      AccessPolicy policy,
      Today today) {
    this.doses = doses;
    this.counsellingStore = counsellingStore;
    this.counselling = counselling;
    this.vaccinations = vaccinations;
    this.loans = loans;
    this.incidents = incidents;
    this.policy = policy;
    this.today = today;
  }

  /**
   * Care of a collective in counts, for its mentors and funders too: sessions this month, doses
   * given this month, open loans and those flagged; exact for the collective's own people, each
   * count of 1 to 4 suppressed for anyone else.
   */
  public record Counts(
      boolean exact,
      SmallCount sessionsThisMonth,
      SmallCount dosesThisMonth,
      SmallCount openLoans,
      SmallCount flaggedLoans) {}

  @Transactional(readOnly = true)
  public Counts counts(Actor by, OrganisationId collective) {
    policy.require(by, CareAction.CARE_COUNTS, collective);
    boolean exact = collective.equals(by.organisation());
    LocalDate month = today.at(collective).withDayOfMonth(1);
    Loans.Counts owed = loans.counts(by, collective);
    return new Counts(
        exact,
        count(counsellingStore.heldSince(collective, month), exact),
        count(doses.givenSince(collective, month), exact),
        owed.open(),
        owed.flagged());
  }

  private static SmallCount count(long n, boolean exact) {
    return exact ? new SmallCount(n, false) : SmallCount.of(n);
  }

  @Transactional(readOnly = true)
  public View of(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    LocalDate day = today.at(own);
    return new View(
        counsellingStore.heldSince(own, day.withDayOfMonth(1)),
        policy.permits(by, CareAction.COUNSELLING, own) ? counselling.waiting(by).size() : null,
        doses.givenSince(own, day.withDayOfMonth(1)),
        vaccinations.due(by, day).size(),
        policy.permits(by, CareAction.HEALTH, own),
        policy.permits(by, CareAction.DEBT, own) ? loans.counts(by, own).flagged().value() : null,
        policy.permits(by, CareAction.INCIDENT, own) ? incidents.openCount(by) : null);
  }
}
