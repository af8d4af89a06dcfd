package org.sahay.relief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.internal.RecipientStore;
import org.sahay.relief.internal.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who are not members, registered at a distribution site with minimal data, sealed under
 * their own key and found through keyed tokens. Before one is registered, those who may be the same
 * person are shown (the same phone, or the same name and village), as for members.
 */
@Service
public class Recipients {

  /** A person to register: {@code notDuplicate} confirms that the likely-same were looked at. */
  public record RecipientInput(
      String name, String phone, String group, String village, Boolean notDuplicate) {}

  /** The outcome of registering a recipient. */
  public sealed interface Outcome {
    record Saved(Recipient recipient) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}

    /**
     * Somebody already registered may be this person: a recipient ({@code candidates}) or a member
     * of the collective ({@code members}, to be given to as a member); send again with notDuplicate
     * to go on.
     */
    record LikelySame(List<Recipient> candidates, List<org.sahay.registry.MemberSummary> members)
        implements Outcome {}
  }

  private static final int MAX = 100;

  private final RecipientStore store;
  private final Scope scope;
  private final AuditLog audit;
  private final org.sahay.registry.Members members;
  private final org.sahay.access.AccessPolicy policy;

  Recipients(
      RecipientStore store,
      Scope scope,
      AuditLog audit,
      org.sahay.registry.Members members,
      org.sahay.access.AccessPolicy policy) {
    this.store = store;
    this.scope = scope;
    this.audit = audit;
    this.members = members;
    this.policy = policy;
  }

  @Transactional
  public Outcome register(Actor by, RecipientInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    return registerIn(collective, by, input);
  }

  /** Registers in the caller's transaction, the collective already checked. */
  Outcome registerIn(OrganisationId collective, Actor by, RecipientInput input) {
    Map<String, String> errors = new LinkedHashMap<>();
    Recipient recipient = check(input, errors);
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    if (!Boolean.TRUE.equals(input.notDuplicate())) {
      List<Recipient> same = store.likelySame(collective, recipient);
      List<org.sahay.registry.MemberSummary> registered = likelyMembers(collective, by, recipient);
      if (!same.isEmpty() || !registered.isEmpty()) {
        return new Outcome.LikelySame(same, registered);
      }
    }
    store.insert(collective, recipient, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "RELIEF_RECIPIENT_REGISTERED",
            "relief_recipient",
            recipient.id().toString(),
            recipient.phone() == null ? "without phone" : "with phone"));
    return new Outcome.Saved(recipient);
  }

  /**
   * Members of the collective who may be this person (record linkage, through the registry): a
   * member should be given to as herself, not as a new recipient. Only for those who may read the
   * register.
   */
  private List<org.sahay.registry.MemberSummary> likelyMembers(
      OrganisationId collective, Actor by, Recipient r) {
    if (!policy.permits(by, org.sahay.registry.RegistryAction.MEMBER_READ, collective)) {
      return List.of();
    }
    var described = org.sahay.registry.MemberInput.described(r.name(), r.phone(), r.village());
    return members.likelySame(by, described);
  }

  /** Those already registered who may be the person described. */
  @Transactional(readOnly = true)
  public List<Recipient> likelySame(Actor by, RecipientInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_READ);
    Map<String, String> errors = new LinkedHashMap<>();
    Recipient recipient = check(input, errors);
    return errors.containsKey("name") ? List.of() : store.likelySame(collective, recipient);
  }

  /** Recipients found by phone digits or name in any script. */
  @Transactional(readOnly = true)
  public List<Recipient> search(Actor by, String query, int limit) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_READ);
    return query == null || query.isBlank()
        ? List.of()
        : store.search(collective, query.strip(), Math.max(1, Math.min(50, limit)));
  }

  /** Those of {@code ids} who are recipients of the actor's collective, opened at once. */
  @Transactional(readOnly = true)
  public Map<RecipientId, Recipient> all(Actor by, java.util.Collection<RecipientId> ids) {
    return store.all(scope.own(by, ReliefAction.RELIEF_READ), ids);
  }

  @Transactional(readOnly = true)
  public Recipient get(Actor by, RecipientId id) {
    return store
        .find(scope.own(by, ReliefAction.RELIEF_READ), id)
        .orElseThrow(NotFoundException::new);
  }

  private static Recipient check(RecipientInput input, Map<String, String> errors) {
    String name = trimmed(input.name());
    if (name == null || name.length() > MAX) {
      errors.put("name", "relief.recipient.name.required");
    }
    String phone = null;
    if (trimmed(input.phone()) != null) {
      String digits = input.phone().replaceAll("[\\s()-]", "");
      if (digits.startsWith("+91")) {
        digits = digits.substring(3);
      } else if (digits.length() == 11 && digits.startsWith("0")) {
        digits = digits.substring(1);
      }
      if (digits.matches("[6-9]\\d{9}")) {
        phone = digits;
      } else {
        errors.put("phone", "relief.recipient.phone.invalid");
      }
    }
    String group = trimmed(input.group());
    String village = trimmed(input.village());
    if ((group != null && group.length() > MAX) || (village != null && village.length() > MAX)) {
      errors.put("village", "relief.recipient.tooLong");
    }
    return new Recipient(RecipientId.newId(), name, phone, group, village);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
