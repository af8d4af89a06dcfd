package org.sahay.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.care.internal.IncidentStore;
import org.sahay.care.internal.SealedStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Disclosure;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safety incidents: the strictest records Sahay keeps. Only users an admin granted {@link
 * CareAction#INCIDENT} in the member's collective read or record them (no role does, not even an
 * admin); every read is audited; all of it is sealed under the member's key; outside, only counts
 * by kind leave, with small ones suppressed for everyone.
 */
@Service
public class Incidents {

  /** An incident as sent: yyyy-mm-dd, kinds by name, referrals by name. */
  public record IncidentInput(
      String member,
      String occurredOn,
      String kind,
      String perpetrator,
      String place,
      Boolean reportedToPolice,
      List<String> referrals,
      String notes) {}

  /** A follow-up as sent; {@code close} closes the incident (with the version read). */
  public record FollowUpInput(
      String on, String note, String nextOn, Boolean close, Integer version) {}

  /** An open incident in the collective's list, with the member's code. */
  public record Line(String code, Incident incident) {}

  /**
   * Incidents by kind, open and closed, every count of 1 to 4 suppressed, and whatever gives one
   * away.
   */
  public record Counts(Map<IncidentKind, SmallCount> byKind, SmallCount total) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIELD = "incident";
  private static final String FOLLOW_UP = "incident-follow-up";

  private final IncidentStore store;
  private final CareMembers members;
  private final Members registry;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;
  private final AuditedReads<Incident> reads;

  Incidents(
      IncidentStore store,
      CareMembers members,
      Members registry,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.members = members;
    this.registry = registry;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
    this.reads =
        new AuditedReads<>(
            store,
            CareAction.INCIDENT,
            "INCIDENT",
            this::incident,
            members,
            registry,
            policy,
            audit);
  }

  @Transactional
  public CareOutcome<Incident> record(Actor by, IncidentInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.INCIDENT);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    LocalDate on = CareChecks.date(input.occurredOn(), "occurredOn", today.at(own), errors);
    IncidentKind kind = LoanTerms.kind(IncidentKind.class, input.kind(), "kind", errors);
    Perpetrator who = LoanTerms.kind(Perpetrator.class, input.perpetrator(), "perpetrator", errors);
    List<Referral> referrals = new ArrayList<>();
    for (String r : input.referrals() == null ? List.<String>of() : input.referrals()) {
      if (r != null && !r.isBlank()) {
        Referral referral = LoanTerms.kind(Referral.class, r, "referrals", errors);
        if (referral != null && !referrals.contains(referral)) {
          referrals.add(referral);
        }
      }
    }
    Incident.Facts facts =
        new Incident.Facts(
            on,
            kind,
            who,
            CareChecks.text(input.place(), 200, "place", errors),
            Boolean.TRUE.equals(input.reportedToPolice()),
            referrals,
            CareChecks.text(input.notes(), 4_000, "notes", errors));
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    store.insert(
        own,
        id,
        member,
        vault.encrypt(member.value(), FIELD, JSON.writeValueAsString(facts)),
        by.username());
    audit.record(event(by, own, "INCIDENT_RECORDED", member));
    return new CareOutcome.Saved<>(incident(own, store.find(own, id).orElseThrow()));
  }

  /** Adds a follow-up, and closes the incident when asked (with the version read). */
  @Transactional
  public CareOutcome<Incident> followUp(Actor by, UUID id, FollowUpInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.INCIDENT);
    SealedStore.Row row = store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate day = today.at(own);
    LocalDate on = CareChecks.date(input.on(), "on", day, errors);
    String note = CareChecks.text(input.note(), 4_000, "note", errors);
    LocalDate next = null;
    if (input.nextOn() != null && !input.nextOn().isBlank()) {
      next = LoanTerms.parse(input.nextOn().strip());
      if (next == null) {
        errors.put("nextOn", "care.date.invalid");
      }
    }
    boolean close = Boolean.TRUE.equals(input.close());
    if (close && input.version() == null) {
      errors.put("version", "care.version.required");
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    if (close && !store.update(own, id, input.version(), row.sealed(), false)) {
      return new CareOutcome.Conflict<>("care.stale");
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("on", on.toString());
    entry.put("note", note);
    entry.put("nextOn", next == null ? null : next.toString());
    store.add(
        own,
        id,
        Ids.newId(),
        vault.encrypt(row.member().value(), FOLLOW_UP, JSON.writeValueAsString(entry)),
        by.username());
    audit.record(event(by, own, close ? "INCIDENT_CLOSED" : "INCIDENT_FOLLOWED_UP", row.member()));
    return new CareOutcome.Saved<>(incident(own, store.find(own, id).orElseThrow()));
  }

  /** One incident, opened; the read is audited. */
  @Transactional
  public Incident get(Actor by, UUID id) {
    return reads.get(by, id);
  }

  /** A member's incidents, opened; audited. Another collective's member is not found. */
  @Transactional
  public List<Incident> ofMember(Actor by, MemberId member) {
    return reads.ofMember(by, member);
  }

  /** The collective's open incidents, the oldest first; audited. */
  @Transactional
  public List<Line> open(Actor by) {
    return reads.open(by).stream().map(c -> new Line(c.code(), c.record())).toList();
  }

  /**
   * How many incidents are open in the actor's collective, for its overview; granted users only.
   */
  @Transactional(readOnly = true)
  public long openCount(Actor by) {
    return store.open(CareChecks.own(policy, by, CareAction.INCIDENT)).size();
  }

  /**
   * Incidents of a collective by kind, for anyone who may count its members: every count of 1 to 4
   * is suppressed, for its own people too, and a second count is withheld where the total would
   * give a lone suppressed one away ({@link Disclosure}).
   */
  @Transactional(readOnly = true)
  public Counts counts(Actor by, OrganisationId collective) {
    policy.require(by, CareAction.CARE_COUNTS, collective);
    Map<IncidentKind, Long> byKind = new EnumMap<>(IncidentKind.class);
    for (IncidentKind k : IncidentKind.values()) {
      byKind.put(k, 0L);
    }
    List<SealedStore.Row> all = new ArrayList<>(store.open(collective));
    all.addAll(store.closed(collective));
    for (SealedStore.Row row : all) {
      vault
          .decrypt(row.member().value(), FIELD, row.sealed())
          .map(json -> JSON.readValue(json, Incident.Facts.class))
          .ifPresent(f -> byKind.merge(f.kind(), 1L, Long::sum));
    }
    long[] cells = new long[IncidentKind.values().length];
    for (IncidentKind k : IncidentKind.values()) {
      cells[k.ordinal()] = byKind.get(k);
    }
    List<SmallCount> shown = Disclosure.withTotal(cells);
    Map<IncidentKind, SmallCount> counts = new EnumMap<>(IncidentKind.class);
    for (IncidentKind k : IncidentKind.values()) {
      counts.put(k, shown.get(k.ordinal()));
    }
    return new Counts(counts, SmallCount.of(all.size()));
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private Incident incident(OrganisationId own, SealedStore.Row row) {
    Incident.Facts f =
        vault
            .decrypt(row.member().value(), FIELD, row.sealed())
            .map(json -> JSON.readValue(json, Incident.Facts.class))
            .orElseThrow(NotFoundException::new);
    List<Incident.FollowUp> followUps =
        store.entries(own, row.id()).stream()
            .map(
                e -> {
                  Map<?, ?> entry =
                      vault
                          .decrypt(row.member().value(), FOLLOW_UP, e.sealed())
                          .map(json -> JSON.readValue(json, Map.class))
                          .orElse(Map.of());
                  return new Incident.FollowUp(
                      e.id(),
                      LoanTerms.parse((String) entry.get("on")),
                      (String) entry.get("note"),
                      LoanTerms.parse((String) entry.get("nextOn")));
                })
            .toList();
    return new Incident(
        row.id(),
        row.member(),
        f.occurredOn(),
        f.kind(),
        f.perpetrator(),
        f.place(),
        f.reportedToPolice(),
        f.referrals(),
        f.notes(),
        followUps,
        row.open(),
        row.version());
  }

  private static AuditLog.Event event(
      Actor by, OrganisationId own, String action, MemberId member) {
    return AuditedReads.event(by, own, action, member);
  }
}
