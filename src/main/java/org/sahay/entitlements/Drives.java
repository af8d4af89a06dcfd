package org.sahay.entitlements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.DriveStore;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Household;
import org.sahay.registry.Households;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drives: a collective's named efforts to get one scheme for a group of its members, the members in
 * each (picked by a missing document, such as no bank account, or by their codes) and how each
 * drive stands against its target, with what blocks the members not yet granted. What became of a
 * member is her standing with the drive's scheme, recorded as any other step.
 */
@Service
public class Drives {

  /**
   * The needs that may pick members. Not mental health, safety or debt: the selection is written on
   * the list an office receives, and would tell it why she is on it.
   */
  public static final List<org.sahay.needs.NeedCategory> NEEDS_THAT_PICK =
      List.of(
          org.sahay.needs.NeedCategory.FOOD,
          org.sahay.needs.NeedCategory.RENT,
          org.sahay.needs.NeedCategory.ELECTRICITY,
          org.sahay.needs.NeedCategory.MEDICAL,
          org.sahay.needs.NeedCategory.DOCUMENTS,
          org.sahay.needs.NeedCategory.LIVELIHOOD,
          org.sahay.needs.NeedCategory.EDUCATION);

  /** A new drive as sent; dates as yyyy-mm-dd. */
  public record Input(
      String scheme,
      String name,
      String startsOn,
      String endsOn,
      String place,
      String targetGroup,
      Integer targetNumber) {}

  /**
   * Members to add: those without a document ({@code without}, for example BANK_ACCOUNT), those
   * with a need of a kind open or being met ({@code openNeed}, one of {@link #NEEDS_THAT_PICK}),
   * and those named by their codes.
   */
  public record Pick(String without, String openNeed, List<String> codes) {}

  /** How many a pick added, and how many were in the drive already. */
  public record Added(int added, int alreadyIn) {}

  private final DriveStore store;
  private final Schemes schemes;
  private final Entitlements entitlements;
  private final MemberPicks picks;
  private final Households households;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Drives(
      DriveStore store,
      Schemes schemes,
      Entitlements entitlements,
      MemberPicks picks,
      Households households,
      AccessPolicy policy,
      AuditLog audit) {
    this.store = store;
    this.schemes = schemes;
    this.entitlements = entitlements;
    this.picks = picks;
    this.households = households;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Drive> list(Actor by) {
    return store.all(own(by, EntitlementAction.ENTITLEMENT_READ));
  }

  @Transactional(readOnly = true)
  public Drive get(Actor by, DriveId id) {
    return store
        .find(own(by, EntitlementAction.ENTITLEMENT_READ), id)
        .orElseThrow(NotFoundException::new);
  }

  @Transactional
  public EntitlementOutcome<Drive> create(Actor by, Input input) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    Scheme scheme;
    try {
      scheme = schemes.find(by, SchemeId.of(String.valueOf(input.scheme()).strip())).orElse(null);
    } catch (IllegalArgumentException e) {
      scheme = null;
    }
    if (scheme == null) {
      errors.put("scheme", "entitlement.scheme.unknown");
    }
    String name = text(input.name(), 160, "name", errors);
    if (name == null) {
      errors.put("name", "drive.name.required");
    }
    String place = text(input.place(), 160, "place", errors);
    String group = text(input.targetGroup(), 300, "targetGroup", errors);
    LocalDate starts = date(input.startsOn(), "startsOn", errors);
    LocalDate ends = date(input.endsOn(), "endsOn", errors);
    if (starts == null) {
      errors.putIfAbsent("startsOn", "entitlement.on.invalid");
    }
    if (ends == null) {
      errors.putIfAbsent("endsOn", "entitlement.on.invalid");
    }
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.put("endsOn", "drive.period.invalid");
    }
    Integer target = input.targetNumber();
    if (target == null || target < 1 || target > 100_000) {
      errors.put("targetNumber", "drive.target.invalid");
    }
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    Drive drive =
        new Drive(
            DriveId.newId(),
            scheme.id(),
            name,
            starts,
            ends,
            place,
            group,
            target,
            by.username(),
            0);
    store.insert(own, drive);
    audit.record(
        new AuditLog.Event(
            by.username(), own, "DRIVE_STARTED", "drive", drive.id().toString(), scheme.code()));
    return new EntitlementOutcome.Saved<>(store.find(own, drive.id()).orElseThrow());
  }

  /** Adds members to a drive: by a missing document, by codes, or both. */
  @Transactional
  public EntitlementOutcome<Added> add(Actor by, DriveId id, Pick pick) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<MemberId> picked = picks.pick(by, pick.without(), pick.openNeed(), pick.codes(), errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    int added = store.add(own, id, List.copyOf(picked), by.username());
    return new EntitlementOutcome.Saved<>(new Added(added, picked.size() - added));
  }

  /** How the drive stands against its target, and what blocks the members not yet granted. */
  @Transactional(readOnly = true)
  public DriveProgress progress(Actor by, DriveId id) {
    Drive drive = get(by, id);
    Scheme scheme = schemes.get(by, drive.scheme());
    List<MemberId> ids = store.members(by.organisation(), id);
    Map<MemberId, Household.Person> people = new LinkedHashMap<>();
    households.people(by, ids).forEach(p -> people.put(p.id(), p));
    Map<EntitlementStatus, Long> byStatus = new EnumMap<>(EntitlementStatus.class);
    Map<DocumentType, Long> blockedBy = new EnumMap<>(DocumentType.class);
    List<DriveProgress.Member> rows = new ArrayList<>();
    long nothing = 0;
    for (MemberId member : ids) {
      Household.Person person = people.get(member);
      if (person == null) {
        continue;
      }
      Standing standing =
          entitlements.standings(by, member, s -> s.id().equals(scheme.id())).stream()
              .findFirst()
              .orElse(new Standing(scheme, null, scheme.documents(), false));
      EntitlementStatus status = standing.status();
      if (status == null) {
        nothing++;
      } else {
        byStatus.merge(status, 1L, Long::sum);
      }
      if (status != EntitlementStatus.GRANTED) {
        standing.missing().forEach(d -> blockedBy.merge(d, 1L, Long::sum));
      }
      rows.add(
          new DriveProgress.Member(
              member, person.code(), person.name(), status, standing.missing()));
    }
    rows.sort(
        Comparator.comparing((DriveProgress.Member m) -> m.status() == EntitlementStatus.GRANTED)
            .thenComparing(DriveProgress.Member::code));
    return new DriveProgress(
        drive,
        scheme,
        byStatus.getOrDefault(EntitlementStatus.GRANTED, 0L),
        byStatus,
        nothing,
        blockedBy,
        rows);
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private OrganisationId own(Actor by, EntitlementAction action) {
    return Checks.own(policy, by, action);
  }

  private static LocalDate date(String text, String field, Map<String, String> errors) {
    return Checks.date(text, field, errors);
  }

  private static String text(String text, int max, String field, Map<String, String> errors) {
    return Checks.text(text, max, field, errors);
  }
}
