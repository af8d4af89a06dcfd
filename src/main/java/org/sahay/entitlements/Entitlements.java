package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.EntitlementStore;
import org.sahay.entitlements.internal.SchemeStore;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentStatus;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberDocuments;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each member of a collective stands with each scheme that runs where the collective works:
 * not eligible, eligible and not applied, documents missing, applied, granted, rejected, appealed;
 * for a scheme given per household, the household's standing, shared by everyone in it. What is
 * missing is read from the registry's documents, so a member without Aadhaar shows it for every
 * scheme that asks for it; granting a scheme that gives a document records it there.
 */
@Service
public class Entitlements {

  /**
   * A step with a scheme as sent: the scheme's id, the new status, the day it took effect (today
   * when left out) and the version read (required once anything is recorded).
   */
  public record Change(String scheme, String status, String on, Integer version) {}

  /**
   * Documents a household holds as one (a ration card): a member has one when her household does,
   * for her own schemes too (a pension that asks for the household's ration card).
   */
  private static final java.util.Set<DocumentType> HOUSEHOLD_DOCUMENTS =
      java.util.EnumSet.of(DocumentType.RATION_CARD);

  /** The scheme whose grant opens a Jan Dhan account: the bank account is marked as one. */
  private static final String JAN_DHAN = "PMJDY";

  private final SchemeStore schemes;
  private final EntitlementStore store;
  private final MemberDocuments documents;
  private final Households households;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Entitlements(
      SchemeStore schemes,
      EntitlementStore store,
      MemberDocuments documents,
      Households households,
      Organisations organisations,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.schemes = schemes;
    this.store = store;
    this.documents = documents;
    this.households = households;
    this.organisations = organisations;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  /**
   * A member's standing with every scheme that runs where her collective works, central ones first;
   * another collective's member is not found.
   */
  @Transactional(readOnly = true)
  public List<Standing> ofMember(Actor by, MemberId member) {
    return standings(by, member, s -> true);
  }

  /** A member's standing with the schemes {@code which} picks, of those her list shows. */
  List<Standing> standings(Actor by, MemberId member, java.util.function.Predicate<Scheme> which) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_READ);
    Map<DocumentType, DocumentStatus> hers = documents.of(by, member);
    Optional<Household> household = households.ofMember(by, member);
    Map<DocumentType, DocumentStatus> theirs = household.map(h -> held(by, h)).orElse(hers);
    for (DocumentType shared : HOUSEHOLD_DOCUMENTS) {
      if (theirs.get(shared) == DocumentStatus.HAVE) {
        hers = new EnumMap<>(hers);
        hers.put(shared, DocumentStatus.HAVE);
      }
    }
    Map<String, Entitlement> recorded = new LinkedHashMap<>();
    store
        .of(own, member, household.map(Household::id).orElse(null))
        .forEach(e -> recorded.put(key(e.scheme(), e.household() != null), e));
    Map<DocumentType, DocumentStatus> mine = hers;
    String state = organisations.find(own).map(Organisation::state).orElse(null);
    List<Standing> standings = new ArrayList<>();
    for (Scheme scheme : schemes.visibleTo(own)) {
      if (!scheme.runsIn(state) || !which.test(scheme)) {
        continue;
      }
      boolean byHousehold = scheme.perHousehold() && household.isPresent();
      Map<DocumentType, DocumentStatus> held = byHousehold ? theirs : mine;
      standings.add(
          new Standing(
              scheme,
              recorded.get(key(scheme.id(), byHousehold)),
              scheme.documents().stream().filter(d -> held.get(d) != DocumentStatus.HAVE).toList(),
              byHousehold));
    }
    return standings;
  }

  /**
   * A member's (or her household's) standing with one scheme, with its history (no entitlement when
   * nothing is recorded); a scheme not in her list is not found.
   */
  @Transactional(readOnly = true)
  public Standing ofMember(Actor by, MemberId member, SchemeId scheme) {
    return ofMember(by, member).stream()
        .filter(s -> s.scheme().id().equals(scheme))
        .findFirst()
        .map(
            s ->
                s.entitlement() == null
                    ? s
                    : new Standing(
                        s.scheme(),
                        store
                            .find(
                                by.organisation(),
                                scheme,
                                s.byHousehold() ? null : member,
                                s.byHousehold() ? s.entitlement().household() : null)
                            .orElse(s.entitlement()),
                        s.missing(),
                        s.byHousehold()))
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Records a step with a scheme for a member, or for her household when the scheme is given per
   * household. A grant of a scheme that gives a document records it in the registry: on the
   * household's head for a household scheme, else on the member.
   */
  @Transactional
  public EntitlementOutcome<Entitlement> record(Actor by, MemberId member, Change change) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    // Only the scheme asked about is worked out; a wrong id still checks the member is the actor's.
    SchemeId wanted = schemeId(change.scheme());
    Step step =
        checked(standings(by, member, s -> s.id().equals(wanted)), change, today.at(own), errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    Standing standing = step.standing();
    EntitlementStatus status = step.status();
    LocalDate on = step.on();
    Scheme scheme = standing.scheme();
    Optional<Household> household =
        standing.byHousehold() ? households.ofMember(by, member) : Optional.empty();
    HouseholdId householdId = household.map(Household::id).orElse(null);
    MemberId subject = householdId == null ? member : null;
    Entitlement before = standing.entitlement();
    boolean saved;
    if (before == null) {
      saved = store.insert(own, scheme.id(), subject, householdId, status, on, by.username());
    } else if (change.version() == null) {
      // Sent as a first step, but someone recorded one first (perhaps a moment ago): a conflict,
      // answered with the version now there, as for a writer who read an older version.
      return new EntitlementOutcome.Stale<>(before.version());
    } else {
      saved = store.update(own, before.id(), change.version(), status, on, by.username());
    }
    Entitlement now = store.find(own, scheme.id(), subject, householdId).orElseThrow();
    if (!saved) {
      return new EntitlementOutcome.Stale<>(now.version());
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "ENTITLEMENT_RECORDED",
            "member",
            member.toString(),
            scheme.code() + " " + status + (householdId == null ? "" : ", household")));
    if (status == EntitlementStatus.GRANTED && scheme.grants() != null) {
      MemberId holder = household.map(Household::head).filter(h -> h != null).orElse(member);
      documents.record(
          by,
          holder,
          scheme.grants(),
          DocumentStatus.HAVE,
          scheme.grantsDetail(),
          JAN_DHAN.equals(scheme.code()) ? Boolean.TRUE : null);
    }
    return new EntitlementOutcome.Saved<>(now);
  }

  /** How many members or households of the actor's collective stand where with each scheme. */
  @Transactional(readOnly = true)
  public Map<SchemeId, Map<EntitlementStatus, Long>> counts(Actor by) {
    return store.counts(own(by, EntitlementAction.ENTITLEMENT_READ));
  }

  /** A step as checked: the standing it changes, the new status and the day. */
  private record Step(Standing standing, EntitlementStatus status, LocalDate on) {}

  private static SchemeId schemeId(String text) {
    try {
      return SchemeId.of(String.valueOf(text).strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Step checked(
      List<Standing> standings, Change change, LocalDate day, Map<String, String> errors) {
    Standing standing = standings.isEmpty() ? null : standings.get(0);
    if (standing == null) {
      errors.put("scheme", "entitlement.scheme.unknown");
    }
    EntitlementStatus status = status(change.status());
    if (status == null) {
      errors.put("status", "entitlement.status.invalid");
    }
    LocalDate on = change.on() == null || change.on().isBlank() ? day : date(change.on());
    if (on == null) {
      errors.put("on", "entitlement.on.invalid");
    } else if (on.isAfter(day)) {
      errors.put("on", "entitlement.on.future");
    }
    return new Step(standing, status, on);
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  /** The documents anyone in the household holds: a household has what one of its members has. */
  private Map<DocumentType, DocumentStatus> held(Actor by, Household household) {
    Map<DocumentType, DocumentStatus> held = new EnumMap<>(DocumentType.class);
    documents
        .of(by, household.members().stream().map(Household.Person::id).toList())
        .values()
        .forEach(
            docs ->
                docs.forEach(
                    (type, status) -> {
                      if (held.get(type) != DocumentStatus.HAVE) {
                        held.put(type, status);
                      }
                    }));
    return held;
  }

  private OrganisationId own(Actor by, EntitlementAction action) {
    return Checks.own(policy, by, action);
  }

  private static String key(SchemeId scheme, boolean byHousehold) {
    return scheme + (byHousehold ? ":household" : ":member");
  }

  private static EntitlementStatus status(String text) {
    try {
      return EntitlementStatus.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
