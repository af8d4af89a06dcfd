package org.sahay.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sahay.matching.Band;
import org.sahay.matching.DuplicateScan;
import org.sahay.matching.ScanId;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberMerges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scan: reads the match records of one collective (or of all, for the nightly scan) with a
 * cursor into primitive arrays, finds and scores candidate pairs ({@link Linkage}), and keeps the
 * pairs of each collective ({@link PairStore#replaceOpen}), none for one with no records left.
 * Members registered before matching existed are given their records first.
 */
@Component
public class ScanRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ScanRunner.class);
  private static final String[][] LEVEL_NAMES = {
    {"NONE", "SKELETON", "PART", "WHOLE_ONE_WORD", "WHOLE", "WHOLE_RARE"},
    {"SAME", "NEAR", "ROUGH", "FAR", "MISSING"},
    {"SAME", "ONE_DIGIT", "DIFFERENT", "MISSING"},
    {"SAME", "DIFFERENT", "MISSING"}
  };
  private static final String[] FIELDS = {"name", "year", "phone", "village"};
  private static final int PROGRESS_EVERY = 100_000;

  private final MatchRecordStore records;
  private final PairStore pairs;
  private final ScanStore scans;
  private final MemberMerges registry;
  private final NetworkKeys network;
  private final TransactionTemplate reading;
  private final TransactionTemplate writing;

  ScanRunner(
      MatchRecordStore records,
      PairStore pairs,
      ScanStore scans,
      MemberMerges registry,
      NetworkKeys network,
      PlatformTransactionManager transactions) {
    this.network = network;
    this.records = records;
    this.pairs = pairs;
    this.scans = scans;
    this.registry = registry;
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
    this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the scan to its end; a failure is recorded on the scan, never thrown. */
  public void run(ScanId id, OrganisationId only) {
    try {
      backfill(only);
      long total = records.count(only);
      scans.progress(id, DuplicateScan.Status.RUNNING, total, 0);
      // Taken before reading, so that pairs a scan of one collective writes meanwhile are kept.
      List<UUID> withOpen = only == null ? pairs.collectivesWithOpen() : List.of(only.value());
      Loaded loaded = load(id, only, total);
      Linkage.Result result = Linkage.run(loaded.collective(), loaded.features(), null);
      Map<Integer, List<PairStore.Found>> byCollective = found(loaded, result);
      long[] bands = new long[2];
      for (int c = 0; c < loaded.collectives().size(); c++) {
        List<PairStore.Found> of = byCollective.getOrDefault(c, List.of());
        for (PairStore.Found f : of) {
          bands[f.band().ordinal()]++;
        }
        keep(new OrganisationId(loaded.collectives().get(c)), of);
      }
      // A collective with no active records left reads as nothing, yet may have open pairs (one
      // written by a scan that read her just before she was erased): they go all the same.
      Set<UUID> read = new HashSet<>(loaded.collectives());
      for (UUID left : withOpen) {
        if (!read.contains(left)) {
          keep(new OrganisationId(left), List.of());
        }
      }
      scans.finish(
          id,
          DuplicateScan.Status.DONE,
          result.candidates().size(),
          bands[Band.LIKELY.ordinal()],
          bands[Band.POSSIBLE.ordinal()],
          result.model().describe());
    } catch (RuntimeException e) {
      LOG.warn("Duplicate scan {} failed: {}", id, e.getClass().getSimpleName());
      scans.finish(id, DuplicateScan.Status.FAILED, 0, 0, 0, null);
    }
  }

  /** What the scan found in one collective, in a transaction of its own. */
  private void keep(OrganisationId organisation, List<PairStore.Found> found) {
    writing.executeWithoutResult(
        s -> {
          pairs.replaceOpen(organisation, found);
          network.findFor(organisation);
        });
  }

  private void backfill(OrganisationId only) {
    if (only != null && !records.backfilled(only)) {
      writing.executeWithoutResult(
          s -> {
            registry.recordAgain(only);
            records.markBackfilled(only);
          });
    }
  }

  /** The members read: ids, a number per collective, features. */
  record Loaded(
      List<UUID> members, int[] collective, MatchFeatures[] features, List<UUID> collectives) {}

  private Loaded load(ScanId id, OrganisationId only, long total) {
    List<UUID> members = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE - 8));
    List<MatchFeatures> features = new ArrayList<>(members.size());
    List<UUID> collectives = new ArrayList<>();
    PairFinder.LongList collectiveOf = new PairFinder.LongList((int) total);
    reading.executeWithoutResult(
        s ->
            records.forEach(
                only,
                (member, organisation, bytes) -> {
                  if (collectives.isEmpty()
                      || !collectives.get(collectives.size() - 1).equals(organisation)) {
                    collectives.add(organisation);
                  }
                  members.add(member);
                  features.add(MatchFeatures.decode(bytes));
                  collectiveOf.add(collectives.size() - 1);
                  if (members.size() % PROGRESS_EVERY == 0) {
                    long done = members.size();
                    writing.executeWithoutResult(
                        t -> scans.progress(id, DuplicateScan.Status.RUNNING, total, done));
                  }
                }));
    long[] c = collectiveOf.toArray();
    int[] collective = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      collective[i] = (int) c[i];
    }
    return new Loaded(members, collective, features.toArray(new MatchFeatures[0]), collectives);
  }

  private static Map<Integer, List<PairStore.Found>> found(Loaded loaded, Linkage.Result result) {
    Map<Integer, List<PairStore.Found>> byCollective = new HashMap<>();
    var candidates = result.candidates();
    for (int i = 0; i < candidates.size(); i++) {
      Band band = result.bands()[i];
      if (band == null) {
        continue;
      }
      int a = candidates.first(i);
      int b = candidates.second(i);
      UUID x = loaded.members().get(a);
      UUID y = loaded.members().get(b);
      boolean inOrder = x.toString().compareTo(y.toString()) < 0;
      int pattern = candidates.patterns()[i];
      byCollective
          .computeIfAbsent(loaded.collective()[a], k -> new ArrayList<>())
          .add(
              new PairStore.Found(
                  inOrder ? x : y,
                  inOrder ? y : x,
                  result.model().posterior(pattern),
                  band,
                  evidence(pattern)));
    }
    return byCollective;
  }

  static String evidence(int pattern) {
    StringBuilder s = new StringBuilder();
    for (int f = 0; f < FIELDS.length; f++) {
      if (f > 0) {
        s.append(';');
      }
      s.append(FIELDS[f]).append('=').append(LEVEL_NAMES[f][Comparison.level(pattern, f)]);
    }
    return s.toString();
  }
}
