package org.sahay.registry;

import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.internal.MergeStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of one person, and undoing it. The merged record is kept (status MERGED,
 * pointing to the one who remains) with its personal fields, so that an undo restores it as it was;
 * everything recorded about her moves to the remaining record: consents with their history,
 * documents the other record lacks, her household if the other has none, and, through {@link
 * MembersMerged}, what every other module holds. Nothing is deleted.
 */
@Service
public class MemberMerges {

  static final MergeMoves.Rows CONSENTS =
      MergeMoves.Rows.of("registry.consent", "member_consent", "id", "member_id");
  static final MergeMoves.Rows HOUSEHOLD =
      MergeMoves.Rows.of("registry.household", "household_member", "household_id", "member_id")
          .unless("exists (select 1 from household_member h where h.member_id = :to)");
  private static final String STATUS = "registry.status";

  private final MergeStore store;
  private final MergeMoves moves;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  MemberMerges(
      MergeStore store,
      MergeMoves moves,
      AccessPolicy policy,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.store = store;
    this.moves = moves;
    this.policy = policy;
    this.audit = audit;
    this.events = events;
  }

  /**
   * Merges {@code merged} into {@code survivor}, both members of one collective that the actor may
   * change; {@code merge} names the merge (the caller keeps its record). False, with nothing
   * changed, when either is not a member of the collective or is merged or erased by now.
   *
   * <p>Both rows are locked before anything moves and checked under the lock: otherwise merging B
   * into A and C into B at once both pass a check made before, and C's rows reach B after B's went
   * to A, stranded on a merged record. Locked in the order of their ids, in one statement, so that
   * two merges sharing a record wait for each other and never deadlock.
   */
  @Transactional
  public boolean merge(
      Actor by, UUID merge, OrganisationId organisation, MemberId survivor, MemberId merged) {
    policy.require(by, RegistryAction.MEMBER_WRITE, organisation);
    if (survivor.equals(merged)) {
      throw new NotFoundException();
    }
    Map<MemberId, MemberStatus> locked = store.lock(organisation, survivor, merged);
    MemberStatus mergedStatus = locked.get(merged);
    if (!inRegister(locked.get(survivor)) || !inRegister(mergedStatus)) {
      return false;
    }
    moves.note(merge, STATUS, mergedStatus.name());
    moves.move(merge, CONSENTS, merged.value(), survivor.value());
    for (DocumentType type : DocumentType.values()) {
      moves.move(merge, document(type), merged.value(), survivor.value());
    }
    moves.move(merge, HOUSEHOLD, merged.value(), survivor.value());
    store.markMerged(merged, survivor);
    events.publishEvent(new MembersMerged(merge, organisation, survivor, merged));
    audit.record(
        new AuditLog.Event(
            by.username(),
            organisation,
            "MEMBERS_MERGED",
            "member",
            merged.toString(),
            "into " + survivor + ", merge " + merge));
    return true;
  }

  /**
   * Undoes a merge: what it moved goes back, and the merged record is as it was.
   *
   * <p>Both rows are locked first, as a merge locks them, so that an undo and a merge of either
   * record (the survivor merged into a third, say) happen one after the other: otherwise both move
   * the same rows out of the survivor at once, and each takes some. A merge into the merged record
   * meanwhile waits, then finds it back (or, locked first, finds it merged and is refused).
   *
   * @return false, with nothing changed, when the kept record is no longer in the register (merged
   *     into another since, or erased) or the merged one is no longer merged (erased)
   */
  @Transactional
  public boolean undo(
      Actor by, UUID merge, OrganisationId organisation, MemberId survivor, MemberId merged) {
    policy.require(by, RegistryAction.MEMBER_WRITE, organisation);
    Map<MemberId, MemberStatus> locked = store.lock(organisation, survivor, merged);
    if (!inRegister(locked.get(survivor)) || locked.get(merged) != MemberStatus.MERGED) {
      // The kept record was merged into another since (or erased, or the merged one erased): what
      // this merge moved is no longer where it put it. The later merge is undone first.
      return false;
    }
    events.publishEvent(new MergeUndone(merge, organisation, survivor, merged));
    moves.undo(merge, HOUSEHOLD, merged.value(), survivor.value());
    for (DocumentType type : DocumentType.values()) {
      moves.undo(merge, document(type), merged.value(), survivor.value());
    }
    moves.undo(merge, CONSENTS, merged.value(), survivor.value());
    MemberStatus was =
        moves.noted(merge, STATUS).stream()
            .findFirst()
            .map(MemberStatus::valueOf)
            .orElse(MemberStatus.ACTIVE);
    moves.forget(merge, STATUS);
    store.restore(merged, was);
    audit.record(
        new AuditLog.Event(
            by.username(),
            organisation,
            "MERGE_UNDONE",
            "member",
            merged.toString(),
            "from " + survivor + ", merge " + merge));
    return true;
  }

  /**
   * Publishes {@link MemberRecorded} again for every member of the collective (neither erased nor
   * merged), so that a derived copy made after they were registered can be built. For the system,
   * not for a person: it returns nothing readable.
   */
  @Transactional
  public int recordAgain(OrganisationId organisation) {
    int[] count = {0};
    store.forEachOpened(
        organisation,
        m -> {
          count[0]++;
          events.publishEvent(m.recorded());
        });
    return count[0];
  }

  /** Whether a record locked for a merge is there to merge: neither merged nor erased. */
  private static boolean inRegister(MemberStatus status) {
    return status != null && status != MemberStatus.MERGED && status != MemberStatus.ERASED;
  }

  /** A document moves when the remaining record has none of its type; it is sealed again. */
  private static MergeMoves.Rows document(DocumentType type) {
    return MergeMoves.Rows.of(
            "registry.document." + type.name(), "member_document", "id", "member_id")
        .only("t.type = '" + type.name() + "'")
        .unless(
            "exists (select 1 from member_document d where d.member_id = :to and d.type = t.type)")
        .sealedAs("sealed", "document:" + type.name());
  }
}
