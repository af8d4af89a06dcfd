package org.sahay.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.StoredAnswers;
import org.sahay.registry.internal.HouseholdStore;
import org.sahay.registry.internal.HouseholdValidation;
import org.sahay.registry.internal.ValidHousehold;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Households of a collective's members: who lives together, their dependents, housing, rent,
 * electricity arrears and income. Every call is checked by the access policy against the
 * household's collective (another collective's household does not exist for the caller), and every
 * change lands in the audit log without personal values.
 */
@Service
public class Households {

  /** The outcome of creating or changing a household. */
  public sealed interface Outcome {
    record Saved(Household household) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}

    /** Somebody changed the household since the version the caller had. */
    record Stale(int currentVersion) implements Outcome {}
  }

  private final HouseholdStore store;
  private final HouseholdValidation validation;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Organisations organisations;
  private final Members members;
  private final StoredAnswers storedAnswers;

  Households(
      HouseholdStore store,
      HouseholdValidation validation,
      AccessPolicy policy,
      AuditLog audit,
      Organisations organisations,
      Members members,
      StoredAnswers storedAnswers) {
    this.store = store;
    this.validation = validation;
    this.policy = policy;
    this.audit = audit;
    this.organisations = organisations;
    this.members = members;
    this.storedAnswers = storedAnswers;
  }

  /**
   * Households of the actor's collective where a member matching {@code query} lives (a member
   * code, a phone number or a name, in any script, as the member search takes them), by code only.
   */
  @Transactional(readOnly = true)
  public List<HouseholdSummary> search(Actor by, String query, int page, int size) {
    List<MemberId> found =
        members.search(by, query, null, page, size).stream().map(MemberSummary::id).toList();
    Set<HouseholdId> ids = new LinkedHashSet<>();
    store.memberships(by.organisation(), found).values().forEach(h -> h.ifPresent(ids::add));
    Map<HouseholdId, String> codes = store.codes(by.organisation(), ids);
    List<HouseholdSummary> summaries = new ArrayList<>();
    for (HouseholdId id : ids) {
      store
          .find(id)
          .ifPresent(
              row ->
                  summaries.add(
                      new HouseholdSummary(
                          id,
                          codes.get(id),
                          row.housing(),
                          store.members(id, row.organisation()).size())));
    }
    return summaries;
  }

  /**
   * Erases a household of the collective (organisation admins only, as for members): its dependents
   * and village go with its key, its members stay members, and stored API answers that named it are
   * forgotten.
   */
  @Transactional
  public void erase(Actor by, HouseholdId id, ErasureReason reason) {
    HouseholdStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_WRITE, row.organisation());
    if (!by.has(org.sahay.access.Role.ORG_ADMIN)) {
      throw new AccessDeniedException("only organisation admins erase households");
    }
    store.erase(id);
    storedAnswers.forgetAnswersNaming(id.value());
    audit.record(
        new AuditLog.Event(
            by.username(),
            row.organisation(),
            "HOUSEHOLD_ERASED",
            "household",
            id.toString(),
            reason.name()));
  }

  /** Creates a household of the actor's own collective. */
  @Transactional
  public Outcome create(Actor by, HouseholdInput input) {
    OrganisationId collective = ownCollective(by);
    policy.require(by, RegistryAction.MEMBER_WRITE, collective);
    var checked = validation.check(collective, null, input);
    if (!checked.valid()) {
      return new Outcome.Invalid(checked.errors());
    }
    HouseholdId id = new HouseholdId(Ids.newId());
    ValidHousehold household = checked.household();
    try {
      store.insert(id, collective, household);
    } catch (DuplicateKeyException e) {
      return memberTakenMeanwhile();
    }
    audit.record(event(by, collective, "HOUSEHOLD_CREATED", id, household));
    return new Outcome.Saved(view(store.find(id).orElseThrow()));
  }

  /** A household as the actor may see it. */
  @Transactional(readOnly = true)
  public Household get(Actor by, HouseholdId id) {
    HouseholdStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_READ, row.organisation());
    return view(row);
  }

  /**
   * A household as the actor may see it; empty when there is none or the actor may not read it. For
   * lookups inside a caller's transaction, where a thrown "not found" would mark it for rollback
   * even when the caller answers "unknown" and goes on.
   */
  @Transactional(readOnly = true)
  public Optional<Household> find(Actor by, HouseholdId id) {
    return store
        .find(id)
        .filter(row -> policy.permits(by, RegistryAction.MEMBER_READ, row.organisation()))
        .map(this::view);
  }

  /** The collective of a household the actor may read; 404 otherwise. */
  @Transactional(readOnly = true)
  public OrganisationId collectiveOf(Actor by, HouseholdId id) {
    HouseholdStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_READ, row.organisation());
    return row.organisation();
  }

  /**
   * A pseudonym for each of {@code households} of the collective: the member code of its head (or
   * of its first member). What a funder may see of a household a support request is for.
   */
  @Transactional(readOnly = true)
  public Map<HouseholdId, String> codes(
      OrganisationId collective, Collection<HouseholdId> households) {
    return store.codes(collective, households);
  }

  /** The household a member of the actor's collective lives in, if any. */
  @Transactional(readOnly = true)
  public Optional<Household> ofMember(Actor by, MemberId member) {
    if (by.organisation() == null) {
      return Optional.empty();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    return store
        .householdOf(by.organisation(), member)
        .flatMap(store::find)
        .filter(row -> row.organisation().equals(by.organisation()))
        .map(this::view);
  }

  /**
   * Code and name of those of {@code members} who are members of the actor's collective, for
   * choosing the members of a household; the others are left out without a word.
   */
  @Transactional(readOnly = true)
  public List<Household.Person> people(Actor by, Collection<MemberId> members) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    return store.people(by.organisation(), members);
  }

  /**
   * Changes a household: {@code input} replaces every field; {@code input.version()} must be the
   * version the caller read.
   */
  @Transactional
  public Outcome update(Actor by, HouseholdId id, HouseholdInput input) {
    HouseholdStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_WRITE, row.organisation());
    if (input.version() == null) {
      return new Outcome.Invalid(Map.of("version", "household.version.required"));
    }
    var checked = validation.check(row.organisation(), id, input);
    if (!checked.valid()) {
      return new Outcome.Invalid(checked.errors());
    }
    ValidHousehold household = checked.household();
    try {
      if (!store.update(id, row.organisation(), input.version(), household)) {
        return new Outcome.Stale(store.version(id, row.organisation()).orElse(-1));
      }
    } catch (DuplicateKeyException e) {
      return memberTakenMeanwhile();
    }
    audit.record(event(by, row.organisation(), "HOUSEHOLD_CHANGED", id, household));
    return new Outcome.Saved(view(store.find(id).orElseThrow()));
  }

  /**
   * Another household took one of the members after the check: nothing of this call may be kept,
   * and the person is told as if the check had caught it.
   */
  private static Outcome memberTakenMeanwhile() {
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return new Outcome.Invalid(Map.of("memberIds", "household.member.taken"));
  }

  /** Counts only: names, amounts and places stay out of the audit log. */
  private static AuditLog.Event event(
      Actor by,
      OrganisationId organisation,
      String action,
      HouseholdId id,
      ValidHousehold household) {
    return new AuditLog.Event(
        by.username(),
        organisation,
        action,
        "household",
        id.toString(),
        "members: "
            + household.members().size()
            + ", dependents: "
            + household.dependents().size());
  }

  private Household view(HouseholdStore.Row row) {
    List<Household.Person> members = store.members(row.id(), row.organisation());
    MemberId head =
        members.stream()
            .filter(Household.Person::head)
            .map(Household.Person::id)
            .findFirst()
            .orElse(null);
    return new Household(
        row.id(),
        row.organisation(),
        row.housing(),
        row.monthlyRent(),
        row.electricityArrears(),
        row.incomeSources(),
        row.village(),
        row.district(),
        head,
        members,
        store.dependents(row.id(), row.organisation()),
        row.version());
  }

  private OrganisationId ownCollective(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    Organisation organisation =
        organisations.find(by.organisation()).orElseThrow(NotFoundException::new);
    if (organisation.kind() != OrganisationKind.COLLECTIVE) {
      throw new AccessDeniedException("households belong to collectives");
    }
    return organisation.id();
  }
}
