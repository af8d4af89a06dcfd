package org.sahay.relief;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.MemberStatus;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.sahay.relief.internal.DistributionStore;
import org.sahay.relief.internal.EligibilityRule;
import org.sahay.relief.internal.RecipientStore;
import org.sahay.relief.internal.RoundStore;
import org.sahay.relief.internal.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a leader's phone takes to a distribution site for one round, so that she can find people
 * with no network: codes, display names and villages, household size, whether the round admits them
 * and whether they already received. Nothing sensitive; issued to those who record hand-overs,
 * audited, and kept on the phone only encrypted and only until the round is over.
 */
@Service
public class SiteLookups {

  /** At most this many people go to a phone; a collective larger than this searches online. */
  public static final int MOST = 5000;

  private static final int PAGE = 100;

  /** One person the round may meet: {@code kind} is {@code m} (member) or {@code r} (recipient). */
  public record Entry(
      String kind,
      UUID id,
      String code,
      String name,
      String village,
      int people,
      boolean eligible,
      Instant receivedAt,
      String receivedBy) {}

  /** The lookup for one round, to be forgotten by the phone at {@code expires}. */
  public record Lookup(
      RoundId round, String name, Instant expires, boolean complete, List<Entry> entries) {}

  private final RoundStore rounds;
  private final DistributionStore store;
  private final RecipientStore recipients;
  private final EligibilityRule.Rules eligibility;
  private final Members members;
  private final Targets targets;
  private final Scope scope;
  private final AuditLog audit;
  private final Today today;
  private final Clock clock;

  SiteLookups(
      RoundStore rounds,
      DistributionStore store,
      RecipientStore recipients,
      EligibilityRule.Rules eligibility,
      Members members,
      Targets targets,
      Scope scope,
      AuditLog audit,
      Today today,
      Clock clock) {
    this.clock = clock;
    this.rounds = rounds;
    this.store = store;
    this.recipients = recipients;
    this.eligibility = eligibility;
    this.members = members;
    this.targets = targets;
    this.scope = scope;
    this.audit = audit;
    this.today = today;
  }

  @Transactional
  public Lookup of(Actor by, RoundId id) {
    Round round = rounds.find(id).orElseThrow(NotFoundException::new);
    scope.require(by, ReliefAction.RELIEF_WRITE, round.organisation());
    List<Entry> entries = new ArrayList<>();
    for (int page = 0; entries.size() < MOST; page++) {
      List<MemberSummary> found = members.search(by, "", null, MemberStatus.ACTIVE, page, PAGE);
      for (MemberSummary m : found) {
        if (entries.size() < MOST) {
          entries.add(
              entry(
                  round,
                  targets.member(by, m.id()),
                  "m",
                  m.id().value(),
                  m.code(),
                  m.name(),
                  m.village()));
        }
      }
      if (found.size() < PAGE) {
        break;
      }
    }
    int left = MOST - entries.size();
    for (Recipient r :
        left > 0 ? recipients.all(round.organisation(), left + 1) : List.<Recipient>of()) {
      if (r.name() != null && entries.size() < MOST) {
        entries.add(
            entry(
                round, Target.nonMember(r.id()), "r", r.id().value(), null, r.name(), r.village()));
      }
    }
    boolean complete = entries.size() < MOST;
    audit.record(
        new AuditLog.Event(
            by.username(),
            round.organisation(),
            "SITE_LOOKUP_ISSUED",
            "distribution_round",
            id.toString(),
            "people: " + entries.size() + (complete ? "" : ", cut at " + MOST)));
    return new Lookup(id, round.name(), expires(round), complete, List.copyOf(entries));
  }

  /**
   * The end of the round's last day in its collective's zone; a day from now for a round with no
   * end, half a day for one already over (late hand-overs), and never more than a week away.
   */
  private Instant expires(Round round) {
    Instant now = clock.instant();
    if (round.endsOn() == null) {
      return now.plus(Duration.ofDays(1));
    }
    Instant end =
        round
            .endsOn()
            .plusDays(1)
            .atTime(LocalTime.MIDNIGHT)
            .atZone(today.zone(round.organisation()))
            .toInstant();
    if (!end.isAfter(now)) {
      return now.plus(Duration.ofHours(12));
    }
    Instant week = now.plus(Duration.ofDays(7));
    return end.isAfter(week) ? week : end;
  }

  private Entry entry(
      Round round, Target target, String kind, UUID id, String code, String name, String village) {
    Beneficiary claim = target.claimKey(round);
    EarlierDistribution earlier =
        claim == null
            ? null
            : store.claimedBy(round.organisation(), round.id(), claim).orElse(null);
    return new Entry(
        kind,
        id,
        code,
        name,
        village,
        target.people(),
        eligibility.admits(round, target.subject()),
        earlier == null ? null : earlier.recordedAt(),
        earlier == null ? null : earlier.recordedBy());
  }
}
