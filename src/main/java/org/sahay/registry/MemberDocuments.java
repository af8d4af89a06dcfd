package org.sahay.registry;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.internal.DocumentStore;
import org.sahay.registry.internal.MemberRow;
import org.sahay.registry.internal.MemberStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' documents for the modules that work with them (entitlements): which documents each
 * member has, by status, without opening any number; and one document recorded when a scheme gives
 * it (a ration card granted, a bank account opened), keeping the number already on record.
 */
@Service
public class MemberDocuments {

  private final MemberStore members;
  private final DocumentStore documents;
  private final AccessPolicy policy;
  private final AuditLog audit;

  MemberDocuments(
      MemberStore members, DocumentStore documents, AccessPolicy policy, AuditLog audit) {
    this.members = members;
    this.documents = documents;
    this.policy = policy;
    this.audit = audit;
  }

  /** The documents a member of the actor's collective has a record of, by type. */
  @Transactional(readOnly = true)
  public Map<DocumentType, DocumentStatus> of(Actor by, MemberId id) {
    MemberRow row = member(by, id, RegistryAction.MEMBER_READ);
    return documents
        .statuses(row.organisation(), List.of(id))
        .getOrDefault(id, new EnumMap<>(DocumentType.class));
  }

  /**
   * The documents of several members of the actor's collective, by member; a member of another
   * collective, or erased, is left out as if unknown.
   */
  @Transactional(readOnly = true)
  public Map<MemberId, Map<DocumentType, DocumentStatus>> of(Actor by, Collection<MemberId> ids) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, own);
    Map<MemberId, Map<DocumentType, DocumentStatus>> found = new HashMap<>();
    documents.statuses(own, ids).forEach((member, held) -> found.put(member, new EnumMap<>(held)));
    return found;
  }

  /**
   * How many active members of a collective live in each district (under {@code null}) and hold
   * each document, by district ("" when none is recorded). Counts only, for the collective's own
   * people and those who mentor or fund it; the caller suppresses small ones for the latter.
   */
  @Transactional(readOnly = true)
  public Map<String, Map<DocumentType, Long>> coverage(Actor by, OrganisationId collective) {
    policy.require(by, RegistryAction.MEMBER_COUNTS, collective);
    return documents.coverage(collective);
  }

  /**
   * How many of {@code members} live in each district ("" when none is recorded): counts only, for
   * whoever may count the collective's members (another module's coverage, such as vaccination).
   */
  @Transactional(readOnly = true)
  public Map<String, Long> districtCounts(
      Actor by, OrganisationId collective, Collection<MemberId> members) {
    policy.require(by, RegistryAction.MEMBER_COUNTS, collective);
    return documents.districtCounts(collective, members);
  }

  /**
   * The same counts as {@link #coverage(Actor, OrganisationId)}, for the system's own daily
   * snapshot of coverage over time: no person asks, and nothing but counts comes back.
   */
  @Transactional(readOnly = true)
  public Map<String, Map<DocumentType, Long>> coverageForSnapshot(OrganisationId collective) {
    return documents.coverage(collective);
  }

  /**
   * The active members of the actor's collective without {@code type} on record as held, for a
   * drive to pick from; at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<MemberId> without(Actor by, DocumentType type, int limit) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, own);
    return documents.without(own, type, limit);
  }

  /**
   * Records a member's document of {@code type} as {@code status}, with {@code detail} (the ration
   * card's kind) when given; the number on record, if any, is kept, and so is the detail when none
   * is given. Audited as a change of the member.
   */
  @Transactional
  public void record(
      Actor by,
      MemberId id,
      DocumentType type,
      DocumentStatus status,
      String detail,
      Boolean janDhan) {
    MemberRow row = member(by, id, RegistryAction.MEMBER_WRITE);
    Member.Document before =
        members.documents(row.organisation(), id).stream()
            .filter(d -> d.type() == type)
            .findFirst()
            .orElse(null);
    documents.put(
        id,
        row.organisation(),
        new Member.Document(
            type,
            status,
            before == null ? null : before.number(),
            detail != null ? detail : before == null ? null : before.detail(),
            type == DocumentType.BANK_ACCOUNT
                ? (janDhan != null ? janDhan : before == null ? null : before.janDhan())
                : null));
    audit.record(
        new AuditLog.Event(
            by.username(),
            row.organisation(),
            "MEMBER_DOCUMENT_RECORDED",
            "member",
            id.toString(),
            row.code() + ", " + type + " " + status));
  }

  private MemberRow member(Actor by, MemberId id, RegistryAction action) {
    MemberRow row = members.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, action, row.organisation());
    if (row.status() == MemberStatus.ERASED || row.status() == MemberStatus.MERGED) {
      throw new NotFoundException();
    }
    return row;
  }
}
