package org.sahay.needs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.needs.internal.NeedStore;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the needs register when money or goods reach someone: whether a need is
 * open (relief's eligibility, a payment's "meets needs"), marking needs met by a payment or a
 * hand-over, and reopening them when it is reversed. Needs met are remembered per payment or
 * hand-over ({@link MetBy}) here, not by the callers.
 */
@Service
public class NeedsMet {

  private final NeedStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;

  NeedsMet(NeedStore store, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
  }

  /**
   * Whether one of these members or households of the collective has a need of the category that is
   * open or being met. Only a yes or no, for another module that checked its own permission (relief
   * admits a household to a round for those with an open food need).
   */
  @Transactional(readOnly = true)
  public boolean anyOpen(
      OrganisationId collective, NeedCategory category, java.util.Collection<Beneficiary> whose) {
    List<UUID> members = memberIds(whose);
    List<UUID> households = householdIds(whose);
    if (members.isEmpty() && households.isEmpty()) {
      return false;
    }
    return store.anyOpen(collective, category, members, households);
  }

  /**
   * Whether every one of {@code ids} is a need of the collective, open or being met, of this member
   * (or of this household), that the actor may see: a payment may mark only those met.
   */
  @Transactional(readOnly = true)
  public boolean allOpenOf(
      Actor by, OrganisationId collective, java.util.Collection<NeedId> ids, Beneficiary whose) {
    policy.require(by, NeedAction.NEED_WRITE, collective);
    boolean sensitive = policy.permits(by, AccessAction.SENSITIVE_READ, collective);
    for (NeedId asked : ids) {
      UUID id = asked.value();
      boolean ours = store.organisationOf(id).filter(collective::equals).isPresent();
      NeedView need = ours ? store.find(id).orElse(null) : null;
      if (need == null || (need.sensitive() && !sensitive) || !need.open() || !need.of(whose)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks these needs of the collective met by a payment, in the caller's transaction, after {@link
   * #allOpenOf} said yes, and remembers what each was, so that {@link #reopen} can put them back
   * when the payment is reversed.
   */
  @Transactional
  public void meet(
      Actor by, OrganisationId collective, java.util.Collection<NeedId> ids, MetBy metBy) {
    policy.require(by, NeedAction.NEED_WRITE, collective);
    Map<UUID, NeedStatus> met = new java.util.LinkedHashMap<>();
    for (NeedId asked : new java.util.LinkedHashSet<>(ids)) {
      UUID id = asked.value();
      NeedView need = store.find(id).orElse(null);
      if (need == null || need.meet().isEmpty()) {
        continue;
      }
      if (store.update(
          id,
          collective,
          need.version(),
          need.meet().get(),
          need.severity(),
          need.followUpBy(),
          by.username())) {
        met.put(id, need.status());
        audit.record(
            new AuditLog.Event(
                by.username(), collective, "NEED_CHANGED", "need", id.toString(), "MET"));
      }
    }
    store.recordMet(collective, metBy, met);
  }

  /**
   * Marks met the needs of the category that these members or households have open or being met, in
   * the caller's transaction (a hand-over of food meets the food needs of the household it
   * reached), and remembers what each was, for {@link #reopen}.
   */
  @Transactional
  public void meetOpen(
      Actor by,
      OrganisationId collective,
      NeedCategory category,
      java.util.Collection<Beneficiary> whose,
      MetBy metBy) {
    policy.require(by, NeedAction.NEED_WRITE, collective);
    Map<UUID, NeedStatus> met =
        store.meetOpen(collective, category, memberIds(whose), householdIds(whose), by.username());
    for (UUID id : met.keySet()) {
      audit.record(
          new AuditLog.Event(
              by.username(), collective, "NEED_CHANGED", "need", id.toString(), "MET"));
    }
    store.recordMet(collective, metBy, met);
  }

  /**
   * Puts back the needs that a reversed payment or hand-over had marked met, each to the status it
   * had (open, or being met), when nobody changed it since.
   */
  @Transactional
  public void reopen(Actor by, OrganisationId collective, MetBy metBy) {
    Map<UUID, NeedStatus> was = store.metBy(collective, metBy);
    if (was.isEmpty()) {
      return;
    }
    policy.require(by, NeedAction.NEED_WRITE, collective);
    for (UUID id : store.reopen(collective, was, by.username())) {
      audit.record(
          new AuditLog.Event(
              by.username(),
              collective,
              "NEED_CHANGED",
              "need",
              id.toString(),
              was.get(id).name()));
    }
  }

  private static List<UUID> memberIds(java.util.Collection<Beneficiary> whose) {
    return whose.stream().flatMap(b -> b.memberId().stream()).map(MemberId::value).toList();
  }

  private static List<UUID> householdIds(java.util.Collection<Beneficiary> whose) {
    return whose.stream().flatMap(b -> b.householdId().stream()).map(HouseholdId::value).toList();
  }
}
