package org.sahay.needs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.needs.internal.NeedStore;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Pages;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs register of a collective. Needs raised by sensitive forms (screenings) are shown only
 * with the sensitive-data permission; an urgent one (PHQ-9 item 9 above zero) heads the list until
 * someone takes it up.
 */
@Service
public class Needs {

  /** A need recorded by hand. */
  public record Input(
      String memberId, String householdId, String category, String severity, String followUpBy) {}

  /** A change of where a need stands; {@code version} is the one the caller read. */
  public record Change(String status, String severity, String followUpBy, Integer version) {}

  /** The outcome of recording or changing a need. */
  public sealed interface Outcome {
    record Saved(NeedView need) implements Outcome {}

    record Invalid(Map<String, String> errors) implements Outcome {}

    record Stale(int currentVersion) implements Outcome {}
  }

  private static final int MAX_PAGE = 100;

  private final NeedStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Members members;
  private final Households households;

  Needs(
      NeedStore store,
      AccessPolicy policy,
      AuditLog audit,
      Members members,
      Households households) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.members = members;
    this.households = households;
  }

  /**
   * Records the needs a filled form raised, in the transaction that stores it. A need of a category
   * the member (or household) already has open or being met updates that need's severity to what
   * this assessment found, rather than raising it again; a screening's needs only ever update
   * screening needs, and the others only the others.
   */
  @Transactional
  public List<RecordedNeed> record(Assessment submitted) {
    List<RecordedNeed> recorded = new java.util.ArrayList<>();
    List<NeedView> open =
        submitted.needs().isEmpty()
            ? List.of()
            : store.openOf(
                submitted.organisation(),
                submitted.member(),
                submitted.household(),
                submitted.sensitive());
    for (AssessedNeed need : submitted.needs()) {
      List<NeedView> same = open.stream().filter(n -> n.category() == need.category()).toList();
      for (NeedView earlier : same) {
        if (store.update(
            earlier.id().value(),
            submitted.organisation(),
            earlier.version(),
            earlier.status(),
            need.severity(),
            earlier.followUpBy(),
            submitted.submittedBy())) {
          recorded.add(
              new RecordedNeed(earlier.id(), need.category(), need.severity(), earlier.severity()));
          audit.record(
              new AuditLog.Event(
                  submitted.submittedBy(),
                  submitted.organisation(),
                  "NEED_REASSESSED",
                  "need",
                  earlier.id().toString(),
                  "submission " + submitted.submission()));
        }
      }
      if (recorded.stream().noneMatch(r -> r.category() == need.category())) {
        UUID id =
            store.insert(
                submitted.organisation(),
                submitted.member(),
                submitted.household(),
                need.category(),
                need.severity(),
                submitted.sensitive(),
                submitted.submission(),
                null,
                submitted.submittedBy());
        recorded.add(new RecordedNeed(new NeedId(id), need.category(), need.severity(), null));
      }
    }
    return recorded;
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member().value());
  }

  /** Needs of the actor's collective, by status if given. */
  @Transactional(readOnly = true)
  public List<NeedView> list(Actor by, NeedStatus status, int page, int size) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    int limit = Math.max(1, Math.min(MAX_PAGE, size));
    return store.list(
        collective,
        status,
        policy.permits(by, AccessAction.SENSITIVE_READ, collective),
        null,
        null,
        limit,
        Pages.offset(page, limit));
  }

  /**
   * The needs of one member or one household of the actor's collective that are open or being met,
   * for marking those a payment meets.
   */
  @Transactional(readOnly = true)
  public List<NeedView> openOf(Actor by, Beneficiary whose) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    UUID member = whose.memberId().map(MemberId::value).orElse(null);
    UUID household = whose.householdId().map(HouseholdId::value).orElse(null);
    if (member == null && household == null) {
      return List.of();
    }
    boolean sensitive = policy.permits(by, AccessAction.SENSITIVE_READ, collective);
    List<NeedView> found = new java.util.ArrayList<>();
    for (NeedStatus status : List.of(NeedStatus.OPEN, NeedStatus.BEING_MET)) {
      found.addAll(store.list(collective, status, sensitive, member, household, MAX_PAGE, 0));
    }
    return found;
  }

  /**
   * The needs of one member, or of one household itself, of the actor's collective, urgent open
   * ones first and then newest, every status; screening needs only for those who may read them.
   */
  @Transactional(readOnly = true)
  public List<NeedView> about(Actor by, MemberId member, HouseholdId household) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    return store.list(
        collective,
        null,
        policy.permits(by, AccessAction.SENSITIVE_READ, collective),
        member == null ? null : member.value(),
        household == null ? null : household.value(),
        MAX_PAGE,
        0);
  }

  /**
   * Who in the actor's collective has a need of {@code category} open or being met (a member, or a
   * household), for picking those a list or a drive is for; the oldest need first, at most {@code
   * limit}. Never screening needs: what a screening found does not pick anyone for anything.
   */
  @Transactional(readOnly = true)
  public List<Beneficiary> openWith(Actor by, NeedCategory category, int limit) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    return store.openWith(collective, category, limit).stream()
        .map(
            key ->
                key.startsWith("M:")
                    ? (Beneficiary) new Beneficiary.Member(MemberId.of(key.substring(2)))
                    : new Beneficiary.Household(HouseholdId.of(key.substring(2))))
        .toList();
  }

  /** How many needs of the actor's collective are open or being met, as the actor may see them. */
  @Transactional(readOnly = true)
  public long countOpen(Actor by) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    return store.countOpen(collective, policy.permits(by, AccessAction.SENSITIVE_READ, collective));
  }

  /**
   * For those who may not read screenings: the members of the collective a counsellor's follow-up
   * is due for, and nothing about why. Empty for those who see the screening needs themselves.
   */
  @Transactional(readOnly = true)
  public List<UUID> followUpsDue(Actor by) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_READ, collective);
    if (policy.permits(by, AccessAction.SENSITIVE_READ, collective)) {
      return List.of();
    }
    return store.membersWithFollowUpDue(collective);
  }

  /** One need with its history (status, severity, follow-up; who and when). */
  @Transactional(readOnly = true)
  public NeedView get(Actor by, NeedId id) {
    return readable(by, id);
  }

  /** The need's history, oldest first. */
  @Transactional(readOnly = true)
  public List<NeedEvent> history(Actor by, NeedId id) {
    readable(by, id);
    return store.history(id.value());
  }

  /** Records a need by hand for a member or household of the actor's collective. */
  @Transactional
  public Outcome record(Actor by, Input input) {
    OrganisationId collective = own(by);
    policy.require(by, NeedAction.NEED_WRITE, collective);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    NeedCategory category =
        input.category() == null
            ? null
            : NeedCategory.fromCode(input.category().toLowerCase(java.util.Locale.ROOT))
                .orElse(null);
    if (category == null) {
      errors.put("category", "need.category.invalid");
    }
    NeedSeverity severity = NeedView.severity(input.severity(), NeedSeverity.MEDIUM);
    if (severity == null) {
      errors.put("severity", "need.severity.invalid");
    }
    UUID[] subject = subject(by, collective, input, errors);
    UUID member = subject[0];
    UUID household = subject[1];
    String followUp =
        input.followUpBy() == null || input.followUpBy().isBlank()
            ? null
            : input.followUpBy().strip();
    if (followUp != null && followUp.length() > 64) {
      errors.put("followUpBy", "need.followUpBy.invalid");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    UUID id =
        store.insert(
            collective,
            member,
            household,
            category,
            severity,
            false,
            null,
            followUp,
            by.username());
    audit.record(
        new AuditLog.Event(
            by.username(), collective, "NEED_RECORDED", "need", id.toString(), category.name()));
    return new Outcome.Saved(store.find(id).orElseThrow());
  }

  /** Moves a need on: status, severity, who follows it up. */
  @Transactional
  public Outcome change(Actor by, NeedId needId, Change change) {
    NeedView need = readable(by, needId);
    UUID id = needId.value();
    OrganisationId collective = store.organisationOf(id).orElseThrow();
    policy.require(by, NeedAction.NEED_WRITE, collective);
    NeedView.Changed asked =
        need.change(change.status(), change.severity(), change.followUpBy(), change.version());
    if (asked instanceof NeedView.Changed.Invalid invalid) {
      return new Outcome.Invalid(invalid.errors());
    }
    NeedView.Changed.To to = (NeedView.Changed.To) asked;
    NeedStatus status = to.status();
    if (!store.update(
        id, collective, change.version(), status, to.severity(), to.followUpBy(), by.username())) {
      return new Outcome.Stale(store.find(id).map(NeedView::version).orElse(-1));
    }
    audit.record(
        new AuditLog.Event(
            by.username(), collective, "NEED_CHANGED", "need", id.toString(), status.name()));
    return new Outcome.Saved(store.find(id).orElseThrow());
  }

  private NeedView readable(Actor by, NeedId asked) {
    UUID id = asked.value();
    OrganisationId owner = store.organisationOf(id).orElseThrow(NotFoundException::new);
    policy.require(by, NeedAction.NEED_READ, owner);
    NeedView need = store.find(id).orElseThrow(NotFoundException::new);
    if (need.sensitive()) {
      policy.require(by, AccessAction.SENSITIVE_READ, owner);
    }
    return need;
  }

  /**
   * The member and household (either may be null) a need by hand is about, both of the actor's
   * collective; another collective's is not found; neither, or an id that is none, is an error.
   */
  private UUID[] subject(
      Actor by, OrganisationId collective, Input input, Map<String, String> errors) {
    UUID member = null;
    UUID household = null;
    try {
      if (input.memberId() != null && !input.memberId().isBlank()) {
        MemberId id = MemberId.of(input.memberId());
        if (!collective.equals(members.collectiveOf(by, id))) {
          throw new NotFoundException();
        }
        member = id.value();
      }
      if (input.householdId() != null && !input.householdId().isBlank()) {
        HouseholdId id = HouseholdId.of(input.householdId());
        if (!collective.equals(households.collectiveOf(by, id))) {
          throw new NotFoundException();
        }
        household = id.value();
      }
    } catch (IllegalArgumentException e) {
      errors.put("subject", "need.subject.required");
    }
    if (member == null && household == null) {
      errors.putIfAbsent("subject", "need.subject.required");
    }
    return new UUID[] {member, household};
  }

  private static OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    return by.organisation();
  }
}
