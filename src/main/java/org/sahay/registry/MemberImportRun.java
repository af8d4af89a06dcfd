package org.sahay.registry;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.NameKeys;
import org.sahay.platform.Vault;
import org.sahay.registry.internal.ImportFiles;
import org.sahay.registry.internal.ImportMapping;
import org.sahay.registry.internal.ImportStore;
import org.sahay.registry.internal.MemberValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The background half of a member import ({@link MemberImports} uploads, maps and validates): the
 * valid rows registered on one of a few import threads, either a chunk at a time or all in one
 * transaction, with progress written beside it, each row's fingerprint kept so that a row imported
 * before is skipped. Imports a restart interrupted are marked failed when Sahay starts.
 */
@Component
class MemberImportRun {

  private static final Logger log = LoggerFactory.getLogger(MemberImportRun.class);
  private static final int CHUNK = 500;

  /** At most this many imports run at once; see the constructor on connections. */
  private static final int IMPORT_THREADS = 2;

  private final ImportStore store;
  private final Members members;
  private final MemberValidation validation;
  private final AuditLog audit;
  private final Vault vault;
  private final Today today;
  private final ThreadPoolTaskExecutor executor;
  private final TransactionTemplate tx;
  private final TransactionTemplate separately;

  MemberImportRun(
      ImportStore store,
      Members members,
      MemberValidation validation,
      AuditLog audit,
      Vault vault,
      PlatformTransactionManager transactions,
      Today today) {
    this.store = store;
    this.members = members;
    this.validation = validation;
    this.audit = audit;
    this.vault = vault;
    this.today = today;
    this.executor = importThreads();
    this.tx = new TransactionTemplate(transactions);
    // Progress (and the heartbeat other nodes read, see ImportStore.failInterrupted) is written
    // beside an all-or-nothing import's open transaction, on a second connection. With at most
    // IMPORT_THREADS imports at a time, imports alone can never hold every connection of the pool
    // while each waits for one more: the one place left where a task holds one connection and asks
    // for another, bounded.
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    int interrupted = tx.execute(s -> store.failInterrupted());
    if (interrupted > 0) {
      log.warn("{} imports were interrupted by a restart and are marked failed", interrupted);
    }
  }

  private static ThreadPoolTaskExecutor importThreads() {
    ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
    threads.setCorePoolSize(IMPORT_THREADS);
    threads.setMaxPoolSize(IMPORT_THREADS);
    threads.setThreadNamePrefix("member-import-");
    threads.initialize();
    return threads;
  }

  @PreDestroy
  void stopImportThreads() {
    executor.shutdown();
  }

  /** Runs a started import on an import thread. */
  void start(Actor by, ImportStore.ImportRow row, boolean allOrNothing) {
    executor.execute(() -> importRows(by, row, allOrNothing));
  }

  /** A valid row waiting in a chunk, with the fingerprint it will be remembered by. */
  private record Pending(MemberInput input, String fingerprint) {}

  private void importRows(Actor by, ImportStore.ImportRow row, boolean allOrNothing) {
    Map<ImportMapping.Field, Integer> mapping = mapping(row.mapping());
    int[] counts = {0, 0, 0};
    LocalDate day = today.at(row.organisation());
    int thisYear = day.getYear();
    // Rows are registered a chunk at a time, one bulk write per table (COPY on PostgreSQL). In
    // "valid rows" mode each chunk commits on its own: a failure stops the import, committed chunks
    // stay, and importing the file again skips them by their fingerprints. In "all or nothing" mode
    // the chunks join one transaction, with progress written beside it.
    List<Pending> chunk = new ArrayList<>(CHUNK);
    try {
      Runnable all =
          () -> {
            ImportFiles.forEachRow(
                ImportFiles.Format.valueOf(row.format()),
                content(vault, row),
                (n, values) -> {
                  counts[0]++;
                  MemberInput input = ImportMapping.input(mapping, values, thisYear);
                  if (!validation.check(input, day).valid()) {
                    return;
                  }
                  chunk.add(new Pending(input, fingerprint(row, values, mapping)));
                  if (chunk.size() == CHUNK) {
                    commit(by, row, chunk, counts);
                  }
                });
            commit(by, row, chunk, counts);
          };
      if (allOrNothing) {
        tx.executeWithoutResult(s -> all.run());
      } else {
        all.run();
      }
      finished(by, row, counts);
    } catch (RuntimeException e) {
      // Not the exception itself: database messages can quote the values of a row.
      log.error("Import {} failed: {}", row.id(), e.getClass().getName());
      failed(row, counts, allOrNothing);
    }
  }

  /**
   * Registers the rows gathered in {@code chunk} that were not imported before (nor earlier in this
   * chunk) in one transaction (or the import's own), then writes the progress beside it.
   */
  private void commit(Actor by, ImportStore.ImportRow row, List<Pending> chunk, int[] counts) {
    if (chunk.isEmpty()) {
      return;
    }
    int[] added =
        tx.execute(
            s -> {
              java.util.Set<String> seen =
                  store.seenAmong(
                      row.organisation(), chunk.stream().map(Pending::fingerprint).toList());
              List<Pending> fresh = new ArrayList<>(chunk.size());
              for (Pending p : chunk) {
                if (seen.add(p.fingerprint())) {
                  fresh.add(p);
                }
              }
              List<Object> outcomes =
                  NameKeys.remembering(
                      () -> members.registerAll(by, fresh.stream().map(Pending::input).toList()));
              Map<String, java.util.UUID> made = new java.util.LinkedHashMap<>();
              for (int i = 0; i < fresh.size(); i++) {
                if (outcomes.get(i) instanceof MemberId id) {
                  made.put(fresh.get(i).fingerprint(), id.value());
                }
              }
              store.rememberAll(row.organisation(), made, row.id());
              return new int[] {made.size(), chunk.size() - fresh.size()};
            });
    counts[1] += added[0];
    counts[2] += added[1];
    chunk.clear();
    separately.executeWithoutResult(s -> store.progress(row.id(), counts[0], counts[1], counts[2]));
  }

  private void finished(Actor by, ImportStore.ImportRow row, int[] counts) {
    tx.executeWithoutResult(
        s -> {
          store.progress(row.id(), counts[0], counts[1], counts[2]);
          store.finish(row.id(), "DONE", null);
          vault.destroyKey(row.id());
          audit.record(
              new AuditLog.Event(
                  by.username(),
                  row.organisation(),
                  "MEMBER_IMPORT_DONE",
                  "member_import",
                  row.id().toString(),
                  counts[1] + " imported, " + counts[2] + " already there"));
        });
  }

  private void failed(ImportStore.ImportRow row, int[] counts, boolean allOrNothing) {
    tx.executeWithoutResult(
        s -> {
          if (allOrNothing) {
            store.progress(row.id(), counts[0], 0, 0);
          }
          store.finish(row.id(), "FAILED", "import.failed");
          vault.destroyKey(row.id());
        });
  }

  /**
   * A keyed token of the row's mapped values (see {@link Vault#token}): equal rows meet, and the
   * stored fingerprint cannot be turned back into a name or a phone number by guessing.
   */
  private String fingerprint(
      ImportStore.ImportRow row, List<String> values, Map<ImportMapping.Field, Integer> mapping) {
    StringBuilder text = new StringBuilder("import-row:");
    for (var entry : new java.util.TreeMap<>(mapping).entrySet()) {
      int index = entry.getValue();
      String value = index < values.size() ? values.get(index) : "";
      text.append('\u001f').append(entry.getKey()).append('=').append(value.strip().toLowerCase());
    }
    return vault.token(row.organisation(), text.toString());
  }

  /** The uploaded file, opened with the import's own key. */
  static byte[] content(Vault vault, ImportStore.ImportRow row) {
    Optional<String> text = vault.decrypt(row.id(), MemberImports.CONTENT, row.content());
    return java.util.Base64.getDecoder()
        .decode(text.orElseThrow(() -> new IllegalStateException("the file is gone")));
  }

  /** A column mapping as stored. */
  static Map<ImportMapping.Field, Integer> mapping(String json) {
    Map<String, Integer> raw =
        MemberImports.JSON.readValue(json, new TypeReference<Map<String, Integer>>() {});
    Map<ImportMapping.Field, Integer> mapping = new EnumMap<>(ImportMapping.Field.class);
    raw.forEach((k, v) -> mapping.put(ImportMapping.Field.valueOf(k), v));
    return mapping;
  }
}
