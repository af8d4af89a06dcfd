package org.sahay.entitlements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.SchemeStore;
import org.sahay.platform.Names;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of government schemes: the shared list that system admins keep (seeded with the
 * schemes the collectives fought for in the lockdowns) and the local schemes an organisation adds.
 * Everyone sees the shared list and their own organisation's schemes, never another's.
 */
@Service
public class Schemes {

  /**
   * A scheme as sent: names in up to four languages (one at least), {@code level} CENTRAL or STATE
   * (with its state), documents as the registry's document types. {@code version} is required for
   * changes; a scheme's code never changes.
   */
  public record Input(
      String code,
      String nameEn,
      String nameHi,
      String nameTe,
      String nameBn,
      String level,
      String state,
      Boolean perHousehold,
      String gives,
      List<String> documents,
      String eligibility,
      String whereToApply,
      String grants,
      String grantsDetail,
      Integer version) {}

  private static final int MAX_NAME = 160;
  private static final int MAX_TEXT = 500;
  private static final int MAX_ELIGIBILITY = 1000;

  private final SchemeStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Schemes(SchemeStore store, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
  }

  /** The shared list and the actor's organisation's own schemes. */
  @Transactional(readOnly = true)
  public List<Scheme> list(Actor by) {
    requireRead(by);
    return store.visibleTo(by.organisation());
  }

  /** One scheme of the shared list or of the actor's organisation; another's is not found. */
  @Transactional(readOnly = true)
  public Scheme get(Actor by, SchemeId id) {
    requireRead(by);
    return store
        .find(id)
        .filter(s -> s.shared() || s.organisation().equals(by.organisation()))
        .orElseThrow(NotFoundException::new);
  }

  /**
   * As {@link #get}, empty for a scheme that does not exist or is another organisation's: for
   * lookups inside a caller's transaction, which a thrown "not found" would mark for rollback.
   */
  @Transactional(readOnly = true)
  public Optional<Scheme> find(Actor by, SchemeId id) {
    requireRead(by);
    return store.find(id).filter(s -> s.shared() || s.organisation().equals(by.organisation()));
  }

  /** Adds a scheme: to the shared list when a system admin adds it, else to the own list. */
  @Transactional
  public EntitlementOutcome<Scheme> create(Actor by, Input input) {
    OrganisationId owner = by.organisation();
    if (owner == null) {
      policy.require(by, EntitlementAction.SCHEME_SHARED_WRITE, null);
    } else {
      policy.require(by, EntitlementAction.SCHEME_WRITE, owner);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String code = input.code() == null ? "" : input.code().strip().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
      errors.put("code", "scheme.code.invalid");
    }
    Scheme scheme = checked(SchemeId.newId(), owner, code, input, 0, errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    if (!store.insert(scheme)) {
      return new EntitlementOutcome.Invalid<>(Map.of("code", "scheme.code.taken"));
    }
    audited(by, "SCHEME_ADDED", scheme);
    return new EntitlementOutcome.Saved<>(store.find(scheme.id()).orElseThrow());
  }

  /** Changes a scheme the actor may keep; its code stays. */
  @Transactional
  public EntitlementOutcome<Scheme> update(Actor by, SchemeId id, Input input) {
    Scheme current = get(by, id);
    if (current.shared()) {
      policy.require(by, EntitlementAction.SCHEME_SHARED_WRITE, null);
    } else {
      policy.require(by, EntitlementAction.SCHEME_WRITE, current.organisation());
    }
    if (input.version() == null) {
      return new EntitlementOutcome.Invalid<>(Map.of("version", "scheme.version.required"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Scheme scheme =
        checked(id, current.organisation(), current.code(), input, input.version(), errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    if (!store.update(scheme, input.version())) {
      return new EntitlementOutcome.Stale<>(store.find(id).orElseThrow().version());
    }
    audited(by, "SCHEME_CHANGED", scheme);
    return new EntitlementOutcome.Saved<>(store.find(id).orElseThrow());
  }

  private void requireRead(Actor by) {
    if (by.organisation() == null) {
      policy.require(by, EntitlementAction.SCHEME_SHARED_WRITE, null);
    } else {
      policy.require(by, EntitlementAction.SCHEME_READ, by.organisation());
    }
  }

  private void audited(Actor by, String what, Scheme scheme) {
    audit.record(
        new AuditLog.Event(
            by.username(),
            by.organisation(),
            what,
            "scheme",
            scheme.id().toString(),
            scheme.code()));
  }

  /** The scheme the input describes, or errors by field. */
  private static Scheme checked(
      SchemeId id,
      OrganisationId owner,
      String code,
      Input input,
      int version,
      Map<String, String> errors) {
    Names names = new Names(input.nameEn(), input.nameHi(), input.nameTe(), input.nameBn());
    if (names.isEmpty()) {
      errors.put("nameEn", "scheme.name.required");
    }
    for (String name : new String[] {names.en(), names.hi(), names.te(), names.bn()}) {
      if (name != null && name.length() > MAX_NAME) {
        errors.put("nameEn", "scheme.name.tooLong");
      }
    }
    SchemeLevel level = null;
    try {
      level = SchemeLevel.valueOf(String.valueOf(input.level()).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put("level", "scheme.level.invalid");
    }
    String state = blankToNull(input.state());
    if (level == SchemeLevel.STATE && state == null) {
      errors.put("state", "scheme.state.required");
    }
    if (level == SchemeLevel.CENTRAL) {
      state = null;
    }
    List<DocumentType> documents = new ArrayList<>();
    for (String d : input.documents() == null ? List.<String>of() : input.documents()) {
      DocumentType type = documentType(d);
      if (type == null) {
        errors.put("documents", "scheme.documents.invalid");
      } else if (!documents.contains(type)) {
        documents.add(type);
      }
    }
    String grants = blankToNull(input.grants());
    DocumentType grantsDocument = grants == null ? null : documentType(grants);
    if (grants != null && grantsDocument == null) {
      errors.put("grants", "scheme.grants.invalid");
    }
    String gives = text(input.gives(), MAX_TEXT, "gives", errors);
    String eligibility = text(input.eligibility(), MAX_ELIGIBILITY, "eligibility", errors);
    String where = text(input.whereToApply(), MAX_TEXT, "whereToApply", errors);
    String detail = text(input.grantsDetail(), 40, "grantsDetail", errors);
    if (state != null && state.length() > 60) {
      errors.put("state", "scheme.text.tooLong");
    }
    return new Scheme(
        id,
        owner,
        code,
        names,
        level == null ? SchemeLevel.CENTRAL : level,
        state,
        Boolean.TRUE.equals(input.perHousehold()),
        gives,
        documents,
        eligibility,
        where,
        grantsDocument,
        grantsDocument == null ? null : detail,
        version);
  }

  private static DocumentType documentType(String text) {
    try {
      return DocumentType.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(String text, int max, String field, Map<String, String> errors) {
    String value = blankToNull(text);
    if (value != null && value.length() > max) {
      errors.put(field, "scheme.text.tooLong");
    }
    return value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
