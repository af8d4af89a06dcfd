package org.sahay.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.matching.internal.MergeLog;
import org.sahay.matching.internal.PairStore;
import org.sahay.matching.internal.ScanRunner;
import org.sahay.matching.internal.ScanStore;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Pages;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberMerges;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A collective's possible duplicates: scans (on demand, in the background, and nightly), the queue
 * of pairs with their evidence, and the decisions. "Same person" merges the two records (undoably,
 * {@link MemberMerges}); "different people" is remembered and never proposed again. Nothing is ever
 * merged without a person's decision.
 */
@Service
public class Duplicates {

  /** What a decision did. */
  public sealed interface Outcome {
    /** The pair is merged: {@code merge} undoes it; {@code survivor} holds everything now. */
    record Merged(MergeId merge, MemberId survivor) implements Outcome {}

    /** The two are different people: never proposed again. */
    record Different() implements Outcome {}

    /** The pair was decided meanwhile, or one of the two is no longer there. */
    record AlreadyDecided() implements Outcome {}
  }

  /** A decision: same person (keeping {@code keep}, or the older record) or different people. */
  public enum Verdict {
    SAME,
    DIFFERENT
  }

  private final PairStore pairs;
  private final ScanStore scans;
  private final ScanRunner runner;
  private final MergeLog merges;
  private final MemberMerges registry;
  private final Members members;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final ExecutorService workers = Executors.newSingleThreadExecutor();

  Duplicates(
      PairStore pairs,
      ScanStore scans,
      ScanRunner runner,
      MergeLog merges,
      MemberMerges registry,
      Members members,
      AccessPolicy policy,
      AuditLog audit) {
    this.pairs = pairs;
    this.scans = scans;
    this.runner = runner;
    this.merges = merges;
    this.registry = registry;
    this.members = members;
    this.policy = policy;
    this.audit = audit;
  }

  /**
   * Starts a scan of the actor's collective in the background; while one is queued or running,
   * answers that one instead of starting another (a second press, or many, costs nothing).
   */
  public synchronized ScanId scan(Actor by) {
    OrganisationId own = own(by);
    var unfinished = scans.unfinished(own);
    if (unfinished.isPresent()) {
      return unfinished.get();
    }
    ScanId id = scans.create(own, by.username());
    workers.submit(() -> runner.run(id, own));
    return id;
  }

  /** Runs a scan of every collective to its end (nightly; also for benchmarks). */
  public ScanId scanAll(String by) {
    ScanId id = scans.create(null, by);
    runner.run(id, null);
    return id;
  }

  @Scheduled(cron = "${sahay.matching.nightly:0 30 1 * * *}", zone = "Asia/Kolkata")
  void nightly() {
    scanAll("nightly");
  }

  @Transactional(readOnly = true)
  public DuplicateScan scan(Actor by, ScanId id) {
    OrganisationId own = own(by);
    var found = scans.find(id).orElseThrow(NotFoundException::new);
    if (!found.getValue().equals(own.value())) {
      throw new NotFoundException();
    }
    return found.getKey();
  }

  /** Open pairs of a band, most likely first, with the members' codes. */
  @Transactional(readOnly = true)
  public List<DuplicatePair> open(Actor by, Band band, int page, int size) {
    OrganisationId own = own(by);
    List<DuplicatePair> found = pairs.open(own, band, size, Pages.offset(page, size));
    Set<MemberId> ids = new java.util.HashSet<>();
    found.forEach(
        p -> {
          ids.add(p.first());
          ids.add(p.second());
        });
    Map<MemberId, String> codes = members.codes(own, ids);
    return found.stream().map(p -> withCodes(p, codes)).toList();
  }

  /** One pair with both members as in a search result (names in their own scripts). */
  @Transactional(readOnly = true)
  public PairView pair(Actor by, PairId id) {
    PairStore.Stored stored = stored(by, id);
    DuplicatePair p = stored.pair();
    MemberSummary first = members.summary(by, p.first()).orElse(null);
    MemberSummary second = members.summary(by, p.second()).orElse(null);
    Map<MemberId, String> codes =
        members.codes(stored.organisation(), Set.of(p.first(), p.second()));
    return new PairView(withCodes(p, codes), first, second);
  }

  /** A pair with both members' summaries (null for one no longer in the register). */
  public record PairView(DuplicatePair pair, MemberSummary first, MemberSummary second) {}

  /**
   * Decides on an open pair. Same person: the record to keep is {@code keep} (one of the two), or
   * else the one registered first (the lower code); the other is merged into it.
   */
  @Transactional
  public Outcome decide(Actor by, PairId id, Verdict verdict, MemberId keep) {
    PairStore.Stored stored = stored(by, id);
    DuplicatePair p = stored.pair();
    if (p.status() != DuplicatePair.Status.OPEN) {
      return new Outcome.AlreadyDecided();
    }
    if (verdict == Verdict.DIFFERENT) {
      if (!pairs.decide(id, DuplicatePair.Status.DIFFERENT, by.username(), null)) {
        return new Outcome.AlreadyDecided();
      }
      audit.record(
          new AuditLog.Event(
              by.username(),
              stored.organisation(),
              "DUPLICATE_DIFFERENT",
              "duplicate-pair",
              id.toString(),
              p.first() + " " + p.second()));
      return new Outcome.Different();
    }
    MemberSummary first = members.summary(by, p.first()).orElse(null);
    MemberSummary second = members.summary(by, p.second()).orElse(null);
    if (first == null || second == null) {
      return new Outcome.AlreadyDecided();
    }
    if (keep != null && !keep.equals(p.first()) && !keep.equals(p.second())) {
      throw new NotFoundException();
    }
    boolean keepFirst =
        keep != null ? keep.equals(p.first()) : first.code().compareTo(second.code()) <= 0;
    MemberSummary survivor = keepFirst ? first : second;
    MemberSummary merged = keepFirst ? second : first;
    MergeId merge = new MergeId(org.sahay.platform.Ids.newId());
    if (!pairs.decide(id, DuplicatePair.Status.SAME, by.username(), merge)) {
      return new Outcome.AlreadyDecided();
    }
    merges.record(
        new MergeLog.Entry(merge, stored.organisation(), survivor.id(), merged.id(), id, false),
        by.username());
    if (!registry.merge(by, merge.value(), stored.organisation(), survivor.id(), merged.id())) {
      // One of the two was merged or erased since it was read above (the registry checks again
      // under its lock): the pair stays open and the merge unrecorded.
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new Outcome.AlreadyDecided();
    }
    return new Outcome.Merged(merge, survivor.id());
  }

  /** What became of an undo. */
  public enum Undo {
    /** The merged record is back as it was, and the pair open again. */
    UNDONE,
    /** Someone undid it already. */
    ALREADY_UNDONE,
    /** The kept record has since been merged into another (or a record erased): nothing changed. */
    LATER_MERGE_FIRST
  }

  /** Undoes a merge: the merged record is back as it was, and the pair open again. */
  @Transactional
  public Undo undo(Actor by, MergeId id) {
    OrganisationId own = own(by);
    MergeLog.Entry merge = merges.find(id).orElseThrow(NotFoundException::new);
    if (!merge.organisation().equals(own)) {
      throw new NotFoundException();
    }
    if (!merges.undone(id, by.username())) {
      return Undo.ALREADY_UNDONE;
    }
    if (!registry.undo(by, id.value(), own, merge.survivor(), merge.merged())) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return Undo.LATER_MERGE_FIRST;
    }
    pairs.reopen(merge.pair());
    return Undo.UNDONE;
  }

  private PairStore.Stored stored(Actor by, PairId id) {
    OrganisationId own = own(by);
    PairStore.Stored stored = pairs.find(id).orElseThrow(NotFoundException::new);
    if (!stored.organisation().equals(own)) {
      throw new NotFoundException();
    }
    return stored;
  }

  private OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, MatchingAction.DUPLICATES_REVIEW, by.organisation());
    return by.organisation();
  }

  private static DuplicatePair withCodes(DuplicatePair p, Map<MemberId, String> codes) {
    return new DuplicatePair(
        p.id(),
        p.first(),
        codes.get(p.first()),
        p.second(),
        codes.get(p.second()),
        p.score(),
        p.band(),
        p.status(),
        p.evidence(),
        p.foundAt(),
        p.merge());
  }

  @EventListener(ApplicationReadyEvent.class)
  void failUnfinished() {
    scans.failUnfinished();
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
