package org.sahay.care;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.care.internal.SealedStore;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;

/**
 * The reads sealed care records share (loans, incidents): one record, a member's records, the
 * collective's open ones with the members' codes; each behind its action and audited as read,
 * naming the member and nothing of what was read.
 */
final class AuditedReads<T> {

  /** An open record with the code of its member. */
  record Coded<T>(String code, T record) {}

  private final SealedStore store;
  private final CareAction action;
  private final String noun;
  private final BiFunction<OrganisationId, SealedStore.Row, T> open;
  private final CareMembers members;
  private final Members registry;
  private final AccessPolicy policy;
  private final AuditLog audit;

  AuditedReads(
      SealedStore store,
      CareAction action,
      String noun,
      BiFunction<OrganisationId, SealedStore.Row, T> open,
      CareMembers members,
      Members registry,
      AccessPolicy policy,
      AuditLog audit) {
    this.store = store;
    this.action = action;
    this.noun = noun;
    this.open = open;
    this.members = members;
    this.registry = registry;
    this.policy = policy;
    this.audit = audit;
  }

  T get(Actor by, UUID id) {
    OrganisationId own = CareChecks.own(policy, by, action);
    SealedStore.Row row = store.find(own, id).orElseThrow(NotFoundException::new);
    audit.record(event(by, own, noun + "_READ", row.member()));
    return open.apply(own, row);
  }

  List<T> ofMember(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, action);
    registry.collectiveOf(by, member);
    audit.record(event(by, own, noun + "_READ", member));
    return store.ofMember(own, member).stream().map(r -> open.apply(own, r)).toList();
  }

  List<Coded<T>> open(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, action);
    List<Coded<T>> found =
        store.open(own).stream()
            .map(
                r ->
                    new Coded<>(
                        members.summary(by, r.member()).map(s -> s.code()).orElse(""),
                        open.apply(own, r)))
            .toList();
    audit.record(
        new AuditLog.Event(
            by.username(), own, noun + "_LIST_READ", "organisation", own.toString(), null));
    return found;
  }

  static AuditLog.Event event(Actor by, OrganisationId own, String action, MemberId member) {
    return new AuditLog.Event(by.username(), own, action, "member", member.toString(), null);
  }
}
