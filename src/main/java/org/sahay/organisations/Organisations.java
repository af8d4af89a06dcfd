package org.sahay.organisations;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.internal.OrganisationStore;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Creating, finding and linking organisations, as the access policy allows. */
@Service
public class Organisations {

  /** The outcome of creating an organisation. */
  public sealed interface Creation {
    record Created(Organisation organisation) implements Creation {}

    /** Field name to message key, for every field that is wrong. */
    record Invalid(Map<String, String> errors) implements Creation {}
  }

  /** The outcome of linking two organisations. */
  public enum Linking {
    LINKED,
    ALREADY_LINKED,
    WRONG_KINDS
  }

  private final OrganisationStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  Organisations(
      OrganisationStore store,
      AccessPolicy policy,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.events = events;
  }

  @Transactional
  public Creation create(Actor by, NewOrganisation input) {
    policy.require(by, AccessAction.ORGANISATION_CREATE, null);
    return createChecked(by.username(), input);
  }

  /** Used by first-run set-up only, before anybody can sign in. */
  @Transactional
  Creation createAtSetup(String setupUser, NewOrganisation input) {
    return createChecked(setupUser, input);
  }

  @Transactional(readOnly = true)
  public Organisation get(Actor by, OrganisationId id) {
    Organisation organisation = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, AccessAction.ORGANISATION_VIEW, id);
    return organisation;
  }

  public Optional<Organisation> find(OrganisationId id) {
    return store.find(id);
  }

  /**
   * Every organisation of a kind, for work the system does on its own schedule (no person asks):
   * names and ids only, nothing of what they hold.
   */
  @Transactional(readOnly = true)
  public List<Organisation> ofKind(OrganisationKind kind) {
    return store.all().stream().filter(o -> o.kind() == kind).toList();
  }

  /** Every organisation the actor may see. */
  @Transactional(readOnly = true)
  public List<Organisation> visibleTo(Actor by) {
    return store.all().stream()
        .filter(o -> policy.permits(by, AccessAction.ORGANISATION_VIEW, o.id()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Organisation> linkedFrom(OrganisationId from, LinkKind kind) {
    return store.linkedFrom(from, kind);
  }

  @Transactional(readOnly = true)
  public List<Organisation> linkedTo(OrganisationId to, LinkKind kind) {
    return store.linkedTo(to, kind);
  }

  @Transactional
  public Linking link(Actor by, OrganisationId from, LinkKind kind, OrganisationId to) {
    policy.require(by, AccessAction.ORGANISATION_LINK, null);
    Organisation source = store.find(from).orElseThrow(NotFoundException::new);
    Organisation target = store.find(to).orElseThrow(NotFoundException::new);
    boolean kindsFit =
        switch (kind) {
          case MENTOR_OF ->
              (source.kind() == OrganisationKind.MENTOR
                      || source.kind() == OrganisationKind.NETWORK)
                  && target.kind() == OrganisationKind.COLLECTIVE;
          case FUNDER_OF -> source.kind() == OrganisationKind.FUNDER && !from.equals(to);
          case LIAISES_WITH ->
              source.kind() == OrganisationKind.DISTRICT_OFFICE
                  && target.kind() == OrganisationKind.COLLECTIVE;
          case MEMBER_OF ->
              source.kind() == OrganisationKind.COLLECTIVE
                  && target.kind() == OrganisationKind.NETWORK;
        };
    if (!kindsFit || from.equals(to)) {
      return Linking.WRONG_KINDS;
    }
    if (store.linked(from, kind, to)) {
      return Linking.ALREADY_LINKED;
    }
    store.link(from, kind, to);
    audit.record(
        new AuditLog.Event(
            by.username(),
            to,
            "ORGANISATION_LINKED",
            "organisation",
            to.toString(),
            kind + " from " + source.shortCode()));
    return Linking.LINKED;
  }

  /** The 80G registration the organisation prints on donation receipts, where it has one. */
  @Transactional(readOnly = true)
  public Optional<String> registration80g(OrganisationId id) {
    return store.registration80g(id);
  }

  /**
   * Sets (or, blank, clears) the 80G registration of the admin's own organisation; false when it is
   * not 1 to 60 letters, digits and the signs / - . ( ) and space.
   */
  @Transactional
  public boolean setRegistration80g(Actor by, String registration) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, OrganisationAction.ORGANISATION_TAX_DETAILS, own);
    String value = registration == null ? "" : registration.strip();
    if (!value.isEmpty() && !value.matches("[A-Za-z0-9/().\\- ]{1,60}")) {
      return false;
    }
    store.setRegistration80g(own, value.isEmpty() ? null : value);
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "REGISTRATION_80G_SET",
            "organisation",
            own.toString(),
            value.isEmpty() ? "cleared" : value));
    return true;
  }

  private Creation createChecked(String actor, NewOrganisation input) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = trimmed(input.name());
    if (name.isEmpty() || name.length() > 200) {
      errors.put("name", "organisation.name.invalid");
    }
    OrganisationKind kind = parseKind(input.kind());
    if (kind == null) {
      errors.put("kind", "organisation.kind.invalid");
    }
    String state = trimmed(input.state());
    if (state.isEmpty() || state.length() > 100) {
      errors.put("state", "organisation.state.invalid");
    }
    String district = trimmed(input.district());
    if (district.isEmpty() || district.length() > 100) {
      errors.put("district", "organisation.district.invalid");
    }
    ShortCode code = ShortCode.parse(input.shortCode());
    if (code == null) {
      errors.put("shortCode", "organisation.shortCode.invalid");
    } else if (store.shortCodeTaken(code)) {
      errors.put("shortCode", "organisation.shortCode.taken");
    }
    Optional<Language> language =
        input.defaultLanguage() == null || input.defaultLanguage().isBlank()
            ? Optional.of(Language.EN)
            : Language.fromCode(input.defaultLanguage());
    if (language.isEmpty()) {
      errors.put("defaultLanguage", "organisation.language.invalid");
    }
    ZoneId zone = parseZone(input.timeZone());
    if (zone == null) {
      errors.put("timeZone", "organisation.timeZone.invalid");
    }
    if (!errors.isEmpty()) {
      return new Creation.Invalid(errors);
    }
    Organisation organisation =
        new Organisation(
            OrganisationId.newId(), name, kind, state, district, code, language.get(), zone, true);
    try {
      store.insert(organisation);
    } catch (DuplicateKeyException e) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new Creation.Invalid(Map.of("shortCode", "organisation.shortCode.taken"));
    }
    audit.record(
        new AuditLog.Event(
            actor,
            organisation.id(),
            "ORGANISATION_CREATED",
            "organisation",
            organisation.id().toString(),
            kind + " " + code));
    events.publishEvent(new OrganisationCreated(organisation.id(), kind));
    return new Creation.Created(organisation);
  }

  private static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }

  private static OrganisationKind parseKind(String text) {
    if (text == null) {
      return null;
    }
    for (OrganisationKind kind : OrganisationKind.values()) {
      if (kind.name().equalsIgnoreCase(text.trim())) {
        return kind;
      }
    }
    return null;
  }

  private static ZoneId parseZone(String text) {
    if (text == null || text.isBlank()) {
      return ZoneId.of("Asia/Kolkata");
    }
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
