package org.sahay.entitlements;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.StakeholderStore;
import org.sahay.funds.DonationId;
import org.sahay.funds.Donations;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.relief.Stock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collective's advocacy log: its stakeholders, the people it deals with at each (name, phone and
 * role sealed under each contact's own key), and each engagement (who took part, demands,
 * commitments, outcome: sealed under the engagement's key) with its follow-up date, and the
 * donation a stakeholder helped raise. Follow-ups due within a week head the log.
 */
@Service
public class Stakeholders {

  /** A stakeholder as sent. */
  public record Input(String kind, String name, String district) {}

  /** A contact person as sent. */
  public record ContactInput(String name, String phone, String role) {}

  /** An engagement as sent; dates as yyyy-mm-dd, the donation and the stock receipt as ids. */
  public record EngagementInput(
      String kind,
      String on,
      String participants,
      String demands,
      String commitments,
      String outcome,
      String followUpOn,
      String donation,
      String receipt) {}

  /** A follow-up that is due, with the stakeholder's name. */
  public record Due(String stakeholder, Stakeholder.Engagement engagement) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONTACT = "stakeholder-contact";
  private static final String RECORD = "engagement-record";
  private static final int MAX_TEXT = 2_000;

  private final StakeholderStore store;
  private final Donations donations;
  private final Stock stock;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Stakeholders(
      StakeholderStore store,
      Donations donations,
      Stock stock,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.audit = audit;
    this.donations = donations;
    this.stock = stock;
    this.vault = vault;
    this.policy = policy;
    this.today = today;
  }

  @Transactional(readOnly = true)
  public List<Stakeholder> list(Actor by) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_READ);
    return store.all(own).stream()
        .map(r -> new Stakeholder(r.id(), r.kind(), r.name(), r.district(), List.of(), List.of()))
        .toList();
  }

  /** One stakeholder with its contact people and engagements, opened. */
  @Transactional(readOnly = true)
  public Stakeholder get(Actor by, StakeholderId id) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_READ);
    StakeholderStore.Row row = store.find(own, id).orElseThrow(NotFoundException::new);
    List<Stakeholder.Contact> contacts =
        store.contacts(own, id).stream()
            .map(
                c -> {
                  Map<String, String> fields = open(c.id(), CONTACT, c.sealed());
                  return new Stakeholder.Contact(
                      c.id(), fields.get("name"), fields.get("phone"), fields.get("role"));
                })
            .toList();
    List<Stakeholder.Engagement> engagements =
        store.engagements(own, id).stream().map(this::engagement).toList();
    return new Stakeholder(row.id(), row.kind(), row.name(), row.district(), contacts, engagements);
  }

  @Transactional
  public EntitlementOutcome<Stakeholder> create(Actor by, Input input) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    StakeholderKind kind = kind(StakeholderKind.class, input.kind(), "kind", errors);
    String name = text(input.name(), 160, "name", errors);
    if (name == null) {
      errors.put("name", "stakeholder.name.required");
    }
    String district = text(input.district(), 100, "district", errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    StakeholderId id = StakeholderId.newId();
    store.insert(own, new StakeholderStore.Row(id, kind, name, district));
    return new EntitlementOutcome.Saved<>(get(by, id));
  }

  @Transactional
  public EntitlementOutcome<Stakeholder> addContact(
      Actor by, StakeholderId id, ContactInput input) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", text(input.name(), 120, "name", errors));
    if (fields.get("name") == null) {
      errors.put("name", "stakeholder.contact.name");
    }
    String phone = text(input.phone(), 20, "phone", errors);
    if (phone != null && !phone.matches("[+0-9 ()-]{6,20}")) {
      errors.put("phone", "stakeholder.contact.phone");
    }
    fields.put("phone", phone);
    fields.put("role", text(input.role(), 120, "role", errors));
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    UUID contact = org.sahay.platform.Ids.newId();
    vault.createKey(contact, own);
    store.contact(
        own, id, contact, vault.encrypt(contact, CONTACT, JSON.writeValueAsString(fields)));
    return new EntitlementOutcome.Saved<>(get(by, id));
  }

  /**
   * Erases a contact person: the row goes and so does the key her name, phone and role were sealed
   * under, so no copy of the database read later can open them. Audited without her name.
   */
  @Transactional
  public void eraseContact(Actor by, StakeholderId id, UUID contact) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    store.find(own, id).orElseThrow(NotFoundException::new);
    if (!store.deleteContact(own, id, contact)) {
      throw new NotFoundException();
    }
    vault.destroyKey(contact);
    audit.record(
        new AuditLog.Event(
            by.username(), own, "STAKEHOLDER_CONTACT_ERASED", "stakeholder", id.toString(), null));
  }

  @Transactional
  public EntitlementOutcome<Stakeholder> engage(Actor by, StakeholderId id, EngagementInput input) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    store.find(own, id).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    EngagementKind kind = kind(EngagementKind.class, input.kind(), "kind", errors);
    LocalDate on = date(input.on(), "on", errors);
    if (on == null && !errors.containsKey("on")) {
      on = today.at(own);
    } else if (on != null && on.isAfter(today.at(own))) {
      errors.put("on", "entitlement.on.future");
    }
    LocalDate followUp = date(input.followUpOn(), "followUpOn", errors);
    Map<String, String> record = new LinkedHashMap<>();
    record.put("participants", text(input.participants(), MAX_TEXT, "participants", errors));
    record.put("demands", text(input.demands(), MAX_TEXT, "demands", errors));
    record.put("commitments", text(input.commitments(), MAX_TEXT, "commitments", errors));
    record.put("outcome", text(input.outcome(), MAX_TEXT, "outcome", errors));
    UUID donation = null;
    if (input.donation() != null && !input.donation().isBlank()) {
      try {
        DonationId given = DonationId.of(input.donation().strip());
        if (!donations.isOwn(by, given)) {
          throw new IllegalArgumentException();
        }
        donation = given.value();
      } catch (IllegalArgumentException e) {
        errors.put("donation", "stakeholder.donation.unknown");
      }
    }
    UUID receipt = receipt(by, input.receipt(), errors);
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    EngagementId engagement = EngagementId.newId();
    vault.createKey(engagement.value(), own);
    store.engagement(
        own,
        new StakeholderStore.EngagementRow(
            engagement,
            id,
            kind,
            on,
            vault.encrypt(engagement.value(), RECORD, JSON.writeValueAsString(record)),
            followUp,
            false,
            donation,
            receipt),
        by.username());
    return new EntitlementOutcome.Saved<>(get(by, id));
  }

  /** Follow-ups not done that are due within a week (or overdue), the oldest first. */
  @Transactional(readOnly = true)
  public List<Due> due(Actor by) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_READ);
    Map<StakeholderId, String> names = new LinkedHashMap<>();
    store.all(own).forEach(r -> names.put(r.id(), r.name()));
    return store.due(own, today.at(own).plusDays(7)).stream()
        .map(e -> new Due(names.get(e.stakeholder()), engagement(e)))
        .toList();
  }

  /**
   * Marks an engagement followed up; again is no change. Another organisation's engagement, or one
   * that does not exist, is not found: the answer was once "done" for any id.
   */
  @Transactional
  public void followedUp(Actor by, EngagementId id) {
    OrganisationId own = own(by, EntitlementAction.ENTITLEMENT_WRITE);
    if (!store.followedUp(own, id) && !store.hasEngagement(own, id)) {
      throw new NotFoundException();
    }
  }

  private Stakeholder.Engagement engagement(StakeholderStore.EngagementRow e) {
    Map<String, String> record = open(e.id().value(), RECORD, e.sealed());
    return new Stakeholder.Engagement(
        e.id(),
        e.stakeholder(),
        e.kind(),
        e.on(),
        record.get("participants"),
        record.get("demands"),
        record.get("commitments"),
        record.get("outcome"),
        e.followUpOn(),
        e.followedUp(),
        e.donation() == null ? null : new DonationId(e.donation()),
        e.receipt());
  }

  /** A stock receipt of the actor's collective, by its id; none when blank. */
  private UUID receipt(Actor by, String text, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      UUID receipt = UUID.fromString(text.strip());
      if (stock.isOwnReceipt(by, receipt)) {
        return receipt;
      }
    } catch (IllegalArgumentException e) {
      // not an id: said below, as for another collective's receipt
    }
    errors.put("receipt", "stakeholder.receipt.unknown");
    return null;
  }

  private Map<String, String> open(UUID subject, String field, byte[] sealed) {
    return vault
        .decrypt(subject, field, sealed)
        .map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {}))
        .orElse(Map.of());
  }

  private OrganisationId own(Actor by, EntitlementAction action) {
    return Checks.own(policy, by, action);
  }

  private static <E extends Enum<E>> E kind(
      Class<E> type, String text, String field, Map<String, String> errors) {
    try {
      return Enum.valueOf(type, String.valueOf(text).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put(field, "stakeholder.kind.invalid");
      return null;
    }
  }

  private static LocalDate date(String text, String field, Map<String, String> errors) {
    return Checks.date(text, field, errors);
  }

  private static String text(String text, int max, String field, Map<String, String> errors) {
    return Checks.text(text, max, field, errors);
  }
}
