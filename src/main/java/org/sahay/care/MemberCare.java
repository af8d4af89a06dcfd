package org.sahay.care;

import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's care in one place, each part only for those allowed to see it: a part the reader may
 * not see is null (not empty), so the page leaves it out rather than saying there is nothing.
 * Reading the sensitive parts is audited by their own services.
 */
@Service
public class MemberCare {

  /** What the reader may see of a member's care. */
  public record View(
      MemberId member,
      List<Dose> doses,
      List<TrainingTopic> trainings,
      List<Livelihoods.Livelihood> livelihoods,
      Reach reach,
      boolean counselling,
      List<HealthSupport> health,
      List<Loan> loans,
      List<Incident> incidents) {}

  private final Vaccinations vaccinations;
  private final Trainings trainings;
  private final Livelihoods livelihoods;
  private final DigitalInclusion digital;
  private final HealthSupports health;
  private final Loans loans;
  private final Incidents incidents;
  private final Members members;
  private final AccessPolicy policy;

  MemberCare(
      Vaccinations vaccinations,
      Trainings trainings,
      Livelihoods livelihoods,
      DigitalInclusion digital,
      HealthSupports health,
      Loans loans,
      Incidents incidents,
      Members members,
      AccessPolicy policy) {
    this.vaccinations = vaccinations;
    this.trainings = trainings;
    this.livelihoods = livelihoods;
    this.digital = digital;
    this.health = health;
    this.loans = loans;
    this.incidents = incidents;
    this.members = members;
    this.policy = policy;
  }

  @Transactional
  public View of(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    members.collectiveOf(by, member);
    return new View(
        member,
        vaccinations.of(by, member),
        trainings.attendedBy(by, member),
        livelihoods.list(by, member),
        digital.reachOf(by, member).orElse(null),
        policy.permits(by, CareAction.COUNSELLING, own),
        policy.permits(by, CareAction.HEALTH, own) ? health.ofMember(by, member) : null,
        policy.permits(by, CareAction.DEBT, own) ? loans.ofMember(by, member) : null,
        policy.permits(by, CareAction.INCIDENT, own) ? incidents.ofMember(by, member) : null);
  }
}
