package org.sahay.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NameKeys;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Pages;
import org.sahay.platform.StoredAnswers;
import org.sahay.platform.Vault;
import org.sahay.registry.internal.MemberRow;
import org.sahay.registry.internal.MemberSearchStore;
import org.sahay.registry.internal.MemberStore;
import org.sahay.registry.internal.MemberValidation;
import org.sahay.registry.internal.NewMembers;
import org.sahay.registry.internal.SensitiveProfiles;
import org.sahay.registry.internal.ValidMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, finding, changing and erasing members of a collective. Every call is checked by the
 * access policy against the member's collective; sensitive fields are encrypted under the member's
 * own key, shown only with the sensitive-data permission, and every read of them is audited.
 */
@Service
public class Members {

  /** The outcome of registering or changing a member. */
  public sealed interface Outcome {
    record Saved(Member member) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}

    /** Somebody changed the member since the version the caller had. */
    record Stale(int currentVersion) implements Outcome {}
  }

  private static final int MAX_PAGE = 100;

  private final MemberStore store;
  private final MemberSearchStore searchStore;
  private final MemberValidation validation;
  private final SensitiveProfiles sensitive;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Organisations organisations;
  private final Vault vault;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final StoredAnswers storedAnswers;
  private final Today today;
  private final org.sahay.registry.internal.MergeStore mergeStore;
  private final org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicateChecks;
  private final NewMembers newMembers;

  Members(
      MemberStore store,
      MemberSearchStore searchStore,
      MemberValidation validation,
      SensitiveProfiles sensitive,
      AccessPolicy policy,
      AuditLog audit,
      Organisations organisations,
      Vault vault,
      org.springframework.context.ApplicationEventPublisher events,
      StoredAnswers storedAnswers,
      Today today,
      org.sahay.registry.internal.MergeStore mergeStore,
      org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicateChecks,
      NewMembers newMembers) {
    this.newMembers = newMembers;
    this.today = today;
    this.duplicateChecks = duplicateChecks;
    this.mergeStore = mergeStore;
    this.store = store;
    this.searchStore = searchStore;
    this.validation = validation;
    this.sensitive = sensitive;
    this.policy = policy;
    this.audit = audit;
    this.organisations = organisations;
    this.vault = vault;
    this.events = events;
    this.storedAnswers = storedAnswers;
  }

  /**
   * The codes of those of {@code ids} who are (not erased) members of {@code collective}. Codes are
   * pseudonyms: what a funder may see of the people a support request is for, never names.
   */
  @Transactional(readOnly = true)
  public Map<MemberId, String> codes(
      org.sahay.platform.OrganisationId collective, java.util.Collection<MemberId> ids) {
    return store.codes(collective, ids);
  }

  /**
   * The collective of a member the actor may read (not erased); 404 otherwise. For other modules
   * that record something about a member without showing her record.
   */
  @Transactional(readOnly = true)
  public org.sahay.platform.OrganisationId collectiveOf(Actor by, MemberId id) {
    return readable(by, id).organisation();
  }

  /** Registers a member of the actor's own collective. */
  @Transactional
  public Outcome register(Actor by, MemberInput input) {
    Object done = registerOnly(by, input);
    if (done instanceof MemberId id) {
      return new Outcome.Saved(view(by, store.find(id).orElseThrow(), false));
    }
    return (Outcome) done;
  }

  /**
   * Registers without reading the member back (an import does not show her): the new member's id,
   * or the {@link Outcome} that says why not.
   */
  @Transactional
  Object registerOnly(Actor by, MemberInput input) {
    Organisation collective = ownCollective(by);
    policy.require(by, RegistryAction.MEMBER_WRITE, collective.id());
    var checked = validation.check(input, today.at(collective.id()));
    if (!checked.valid()) {
      return new Outcome.Invalid(checked.errors());
    }
    ValidMember member = checked.member();
    if (member.sensitive() != null) {
      policy.require(by, AccessAction.SENSITIVE_READ, collective.id());
    }
    MemberId id = new MemberId(Ids.newId());
    vault.createKey(id.value(), collective.id());
    String code = store.nextCode(collective.id(), collective.shortCode().value());
    store.insert(id, collective.id(), code, member, sensitive.seal(id, member.sensitive()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective.id(),
            "MEMBER_REGISTERED",
            "member",
            id.toString(),
            code + (member.sensitive() == null ? "" : ", sensitive profile recorded")));
    return id;
  }

  /**
   * Registers many members of the actor's own collective at once (an import's chunk), with the same
   * checks, sealing and audit as {@link #registerOnly}, and one bulk write per table for all of
   * them. The outcome of each input, in order: her new {@link MemberId}, or the {@link
   * Outcome.Invalid} that says why not.
   */
  @Transactional
  List<Object> registerAll(Actor by, List<MemberInput> inputs) {
    Organisation collective = ownCollective(by);
    policy.require(by, RegistryAction.MEMBER_WRITE, collective.id());
    java.time.LocalDate day = today.at(collective.id());
    List<Object> outcomes = new java.util.ArrayList<>(inputs.size());
    List<ValidMember> valid = new java.util.ArrayList<>();
    List<MemberId> ids = new java.util.ArrayList<>();
    for (MemberInput input : inputs) {
      var checked = validation.check(input, day);
      if (!checked.valid()) {
        outcomes.add(new Outcome.Invalid(checked.errors()));
        continue;
      }
      if (checked.member().sensitive() != null) {
        policy.require(by, AccessAction.SENSITIVE_READ, collective.id());
      }
      MemberId id = new MemberId(Ids.newId());
      valid.add(checked.member());
      ids.add(id);
      outcomes.add(id);
    }
    if (ids.isEmpty()) {
      return outcomes;
    }
    vault.createKeys(ids.stream().map(MemberId::value).toList(), collective.id());
    List<String> codes =
        store.nextCodes(collective.id(), collective.shortCode().value(), ids.size());
    List<NewMembers.New> made = new java.util.ArrayList<>(ids.size());
    List<AuditLog.Event> events = new java.util.ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      ValidMember member = valid.get(i);
      made.add(
          new NewMembers.New(
              ids.get(i), codes.get(i), member, sensitive.seal(ids.get(i), member.sensitive())));
      events.add(
          new AuditLog.Event(
              by.username(),
              collective.id(),
              "MEMBER_REGISTERED",
              "member",
              ids.get(i).toString(),
              codes.get(i) + (member.sensitive() == null ? "" : ", sensitive profile recorded")));
    }
    newMembers.insert(collective.id(), made);
    audit.recordAll(events);
    return outcomes;
  }

  /** A member as the actor may see them; sensitive fields only with the permission (audited). */
  @Transactional
  public Member get(Actor by, MemberId id) {
    MemberRow row = readable(by, id);
    return view(by, row, true);
  }

  /** What happened to a member, newest first: who registered, changed or read her, and when. */
  @Transactional(readOnly = true)
  public List<org.sahay.access.AuditEntry> history(Actor by, MemberId id) {
    MemberRow row = readable(by, id);
    boolean sensitiveReader = policy.permits(by, AccessAction.SENSITIVE_READ, row.organisation());
    return audit.entriesAbout(row.organisation(), "member", id.toString(), 100).stream()
        .filter(e -> sensitiveReader || !SENSITIVE_EVENTS.contains(e.action()))
        .limit(50)
        .toList();
  }

  /**
   * History events that tell of the confidential profile or of a screening: only those who may read
   * sensitive data see them. {@code FORM_SUBMITTED} is how every form was recorded before
   * screenings had their own event; which form it was cannot be told here, so it counts as one.
   */
  static final java.util.Set<String> SENSITIVE_EVENTS =
      java.util.Set.of("SENSITIVE_READ", "SCREENING_SUBMITTED", "FORM_SUBMITTED");

  /** Events the member page names in words; any other shows as a change. */
  public static final java.util.Set<String> NAMED_EVENTS =
      java.util.Set.of(
          "MEMBER_REGISTERED",
          "MEMBER_CHANGED",
          "MEMBER_ERASED",
          "CONSENT_GRANTED",
          "CONSENT_WITHDRAWN",
          "SENSITIVE_READ",
          "FORM_FILLED",
          "SCREENING_SUBMITTED",
          "FORM_SUBMITTED",
          "MEMBER_DOCUMENT_RECORDED",
          "ENTITLEMENT_RECORDED");

  /** Search by code, phone digits or name in any script and spelling; in the own collective. */
  @Transactional(readOnly = true)
  public List<MemberSummary> search(Actor by, String query, String village, int page, int size) {
    return search(by, query, village, null, page, size);
  }

  /** As {@link #search(Actor, String, String, int, int)}, only members of one status if given. */
  @Transactional(readOnly = true)
  public List<MemberSummary> search(
      Actor by, String query, String village, MemberStatus status, int page, int size) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    String q = query == null ? "" : query.strip();
    String code = null;
    String phone = null;
    String name = null;
    if (q.matches("(?i)[a-z][a-z0-9]{1,4}-\\d{1,9}")) {
      code = q.toUpperCase(Locale.ROOT);
    } else if (q.replaceAll("[\\s+()-]", "").matches("\\d{4,13}")) {
      phone = q.replaceAll("[\\s+()-]", "");
      phone = phone.length() > 10 ? phone.substring(phone.length() - 10) : phone;
    } else if (!q.isEmpty()) {
      name = q;
    }
    int limit = Math.max(1, Math.min(MAX_PAGE, size));
    return searchStore.search(
        by.organisation(),
        new MemberSearchStore.Query(
            code,
            phone,
            name,
            village == null || village.isBlank() ? null : village.strip(),
            status == MemberStatus.ERASED || status == MemberStatus.MERGED ? null : status),
        limit,
        Pages.offset(page, limit));
  }

  /**
   * A member of the actor's collective as in a search result (never sensitive, nothing audited);
   * empty for anybody else, erased members included. For other modules that hand things to members,
   * such as relief.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<MemberSummary> summary(Actor by, MemberId id) {
    if (by.organisation() == null) {
      return java.util.Optional.empty();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    return searchStore.summary(by.organisation(), id);
  }

  /**
   * The district a member of the actor's collective is registered in, for a hand-over or a list
   * that needs no more: her sealed fields stay closed. Empty when there is no such member; an empty
   * string when she has no district.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<String> districtOf(Actor by, MemberId id) {
    if (by.organisation() == null) {
      return java.util.Optional.empty();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    return searchStore.district(by.organisation(), id);
  }

  /** The member of the actor's collective with this code (any case), if there is one. */
  @Transactional(readOnly = true)
  public java.util.Optional<MemberId> byCode(Actor by, String code) {
    if (code == null || code.isBlank()) {
      return java.util.Optional.empty();
    }
    String wanted = code.strip();
    return search(by, wanted, null, 0, 2).stream()
        .filter(m -> m.code().equalsIgnoreCase(wanted))
        .map(MemberSummary::id)
        .findFirst();
  }

  /**
   * Members of the actor's collective who may be the person about to be registered: shown before
   * saving, so that one person gets one record and scarce relief reaches more people.
   */
  @Transactional(readOnly = true)
  public List<MemberSummary> likelySame(Actor by, MemberInput input) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    java.util.Map<String, String> ignored = new java.util.HashMap<>();
    String phone = MemberValidation.phone(input.phone(), "phone", ignored);
    List<String> words =
        input.name() == null ? List.of() : NameKeys.words(NameKeys.phonetic(input.name()));
    Integer year = input.yearOfBirth();
    if (input.dateOfBirth() != null && input.dateOfBirth().matches("\\d{4}-.*")) {
      year = Integer.valueOf(input.dateOfBirth().substring(0, 4));
    }
    String district = input.district() == null ? null : input.district().strip();
    // Record linkage first (any script, spelling, order or honorific), then the simple rule,
    // which also asks about anyone on the same phone: she is there to be asked.
    java.util.LinkedHashMap<MemberId, MemberSummary> found = new java.util.LinkedHashMap<>();
    DuplicateCheck check = duplicateChecks.getIfAvailable();
    if (check != null && input.name() != null) {
      var described =
          new MemberRecorded(
              null,
              by.organisation(),
              input.name(),
              input.alias(),
              year,
              phone,
              MemberValidation.phone(input.otherPhone(), "otherPhone", ignored),
              input.village(),
              district);
      for (MemberId id : check.sameAs(by.organisation(), described, 5)) {
        searchStore.summary(by.organisation(), id).ifPresent(m -> found.put(id, m));
      }
    }
    if (phone != null || (!words.isEmpty() && district != null)) {
      searchStore
          .likelySame(
              by.organisation(), phone, words.isEmpty() ? null : words.get(0), year, district)
          .forEach(m -> found.putIfAbsent(m.id(), m));
    }
    return found.values().stream().limit(5).toList();
  }

  /** Changes a member; {@code input.version()} must be the version the caller read. */
  @Transactional
  public Outcome update(Actor by, MemberId id, MemberInput input) {
    MemberRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_WRITE, row.organisation());
    if (row.status() == MemberStatus.ERASED || row.status() == MemberStatus.MERGED) {
      throw new NotFoundException();
    }
    if (input.version() == null) {
      return new Outcome.Invalid(Map.of("version", "member.version.required"));
    }
    var checked = validation.check(input, today.at(row.organisation()));
    if (!checked.valid()) {
      return new Outcome.Invalid(checked.errors());
    }
    ValidMember member = checked.member();
    boolean mayTouchSensitive = policy.permits(by, AccessAction.SENSITIVE_READ, row.organisation());
    if (member.sensitive() != null && !mayTouchSensitive) {
      throw new AccessDeniedException("sensitive");
    }
    // An absent profile leaves the stored one as it is; only an explicit empty one clears it.
    // Without the permission the stored profile is kept as it is, unseen.
    SensitiveChange change =
        !mayTouchSensitive || input.sensitive() == null
            ? SensitiveChange.KEPT
            : member.sensitive() == null ? SensitiveChange.CLEARED : SensitiveChange.WRITTEN;
    byte[] sealed =
        switch (change) {
          case KEPT -> row.sensitive();
          case CLEARED -> null;
          case WRITTEN -> sensitive.seal(id, member.sensitive());
        };
    if (!store.update(id, row.organisation(), input.version(), member, sealed)) {
      int current = store.find(id).map(MemberRow::version).orElse(-1);
      return new Outcome.Stale(current);
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            row.organisation(),
            "MEMBER_CHANGED",
            "member",
            id.toString(),
            row.code()
                + switch (change) {
                  case KEPT -> "";
                  case CLEARED -> row.sensitive() == null ? "" : ", sensitive profile cleared";
                  case WRITTEN -> ", sensitive profile";
                }));
    return new Outcome.Saved(view(by, store.find(id).orElseThrow(), false));
  }

  private enum SensitiveChange {
    KEPT,
    CLEARED,
    WRITTEN
  }

  /** Records consent for one purpose; the history is kept. */
  @Transactional
  public void recordConsent(Actor by, MemberId id, ConsentPurpose purpose, boolean granted) {
    MemberRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_WRITE, row.organisation());
    if (row.status() == MemberStatus.ERASED || row.status() == MemberStatus.MERGED) {
      throw new NotFoundException();
    }
    store.recordConsent(id, row.organisation(), purpose, granted, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            row.organisation(),
            granted ? "CONSENT_GRANTED" : "CONSENT_WITHDRAWN",
            "member",
            id.toString(),
            purpose.name()));
  }

  /**
   * Erases a member: destroys the member's data key (so the sensitive profile can never be read
   * again) and removes every personal field; only anonymous counts remain.
   */
  @Transactional
  public void erase(Actor by, MemberId id, ErasureReason reason) {
    MemberRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_WRITE, row.organisation());
    if (!by.has(org.sahay.access.Role.ORG_ADMIN)) {
      throw new AccessDeniedException("only organisation admins erase members");
    }
    if (row.status() == MemberStatus.ERASED) {
      throw new NotFoundException();
    }
    vault.destroyKey(id.value());
    store.erase(id);
    // Records merged into hers are her too, and so are records merged into those (a record that
    // kept another was later merged itself): they go with her, keys and all.
    java.util.Deque<MemberId> mergedRecords = new java.util.ArrayDeque<>(mergeStore.mergedInto(id));
    java.util.Set<MemberId> erased = new java.util.HashSet<>(java.util.Set.of(id));
    while (!mergedRecords.isEmpty()) {
      MemberId merged = mergedRecords.poll();
      if (!erased.add(merged)) {
        continue;
      }
      mergedRecords.addAll(mergeStore.mergedInto(merged));
      vault.destroyKey(merged.value());
      store.erase(merged);
      storedAnswers.forgetAnswersNaming(merged.value());
      events.publishEvent(new MemberErased(merged, row.organisation()));
    }
    // A stored API answer (the member as registered, her profile) would replay her data.
    storedAnswers.forgetAnswersNaming(id.value());
    events.publishEvent(new MemberErased(id, row.organisation()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            row.organisation(),
            "MEMBER_ERASED",
            "member",
            id.toString(),
            reason.name()));
  }

  /**
   * The record a merged member's record now lives in (following merges of merges), for a page or
   * link that still names the merged one; none when {@code id} was not merged. Only for those who
   * may read the collective's members.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<MemberId> mergedInto(Actor by, MemberId id) {
    var first = mergeStore.merged(id);
    if (first.isEmpty()) {
      return java.util.Optional.empty();
    }
    policy.require(by, RegistryAction.MEMBER_READ, first.get().organisation());
    MemberId at = first.get().into();
    for (int hop = 0; hop < 10; hop++) {
      var next = mergeStore.merged(at);
      if (next.isEmpty() || !next.get().organisation().equals(first.get().organisation())) {
        return java.util.Optional.of(at);
      }
      at = next.get().into();
    }
    return java.util.Optional.empty();
  }

  private MemberRow readable(Actor by, MemberId id) {
    MemberRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_READ, row.organisation());
    if (row.status() == MemberStatus.ERASED || row.status() == MemberStatus.MERGED) {
      throw new NotFoundException();
    }
    return row;
  }

  private Member view(Actor by, MemberRow row, boolean auditSensitiveRead) {
    SensitiveProfile profile = null;
    if (policy.permits(by, AccessAction.SENSITIVE_READ, row.organisation())) {
      profile = sensitive.open(row.id(), row.sensitive());
      if (profile != null && auditSensitiveRead) {
        audit.record(
            new AuditLog.Event(
                by.username(),
                row.organisation(),
                "SENSITIVE_READ",
                "member",
                row.id().toString(),
                row.code()));
      }
    }
    return new Member(
        row.id(),
        row.code(),
        row.organisation(),
        row.name(),
        row.alias(),
        row.gender(),
        row.dateOfBirth(),
        row.birthYear(),
        row.phone(),
        row.otherPhone(),
        row.state(),
        row.district(),
        row.block(),
        row.village(),
        row.joinedOn(),
        row.status(),
        row.languages(),
        row.hasSmartphone(),
        store.documents(row.organisation(), row.id()),
        store.consents(row.id()),
        row.version(),
        profile);
  }

  private Organisation ownCollective(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    Organisation organisation =
        organisations.find(by.organisation()).orElseThrow(NotFoundException::new);
    if (organisation.kind() != OrganisationKind.COLLECTIVE) {
      throw new AccessDeniedException("members belong to collectives");
    }
    return organisation;
  }
}
