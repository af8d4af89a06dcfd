package org.sahay.registry;

import jakarta.annotation.PreDestroy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Vault;
import org.sahay.registry.internal.ImportFiles;
import org.sahay.registry.internal.ImportMapping;
import org.sahay.registry.internal.ImportStore;
import org.sahay.registry.internal.MemberValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports members from CSV or XLSX in steps: upload (the file is checked, counted and kept
 * encrypted), map columns to fields, validate (a report per row and column), then run in the
 * background with progress, either the valid rows only or all or nothing. A row already imported
 * into the collective, from this file or another, is skipped, so re-importing creates nothing
 * twice.
 */
@Service
public class MemberImports {

  /** An upload kept for mapping, or refused with the message key (and arguments) saying why. */
  public sealed interface Upload {
    record Accepted(UUID id) implements Upload {}

    record Refused(String messageKey, Object[] args) implements Upload {}
  }

  /** One problem of the validation report: a row, a column name, and what is wrong. */
  public record Problem(int row, String column, String messageKey) {}

  /** An import as its page shows it. */
  public record View(
      UUID id,
      String fileName,
      List<String> headers,
      Map<ImportMapping.Field, Integer> mapping,
      List<ImportMapping.Field> missing,
      String status,
      int totalRows,
      Integer validRows,
      Integer invalidRows,
      int processedRows,
      int importedRows,
      int skippedRows,
      List<Problem> problems,
      String failure,
      boolean importedBefore) {}

  private static final Logger log = LoggerFactory.getLogger(MemberImports.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONTENT = "import-file";
  private static final int MAX_REPORTED = 500;
  private static final int CHUNK = 100;
  private static final int PROGRESS_EVERY = 200;

  private final ImportStore store;
  private final Members members;
  private final MemberValidation validation;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Vault vault;

  /** At most this many imports run at once; see the constructor on connections. */
  private static final int IMPORT_THREADS = 2;

  private final ThreadPoolTaskExecutor executor;
  private final TransactionTemplate tx;
  private final TransactionTemplate separately;
  private final int maxRows;

  private final Today today;

  MemberImports(
      ImportStore store,
      Members members,
      MemberValidation validation,
      AccessPolicy policy,
      AuditLog audit,
      Vault vault,
      PlatformTransactionManager transactions,
      Today today,
      @Value("${sahay.import.max-rows:100000}") int maxRows) {
    this.today = today;
    this.store = store;
    this.members = members;
    this.validation = validation;
    this.policy = policy;
    this.audit = audit;
    this.vault = vault;
    this.executor = importThreads();
    this.tx = new TransactionTemplate(transactions);
    // Progress (and the heartbeat other nodes read, see ImportStore.failInterrupted) is written
    // beside an
    // all-or-nothing import's open transaction, on a second connection. With at most
    // IMPORT_THREADS imports at a time, imports alone can never hold every connection of the pool
    // while each waits for one more: the one place left where a task holds one connection and asks
    // for another, bounded.
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.maxRows = maxRows;
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

  /** Checks and keeps an uploaded file; returns the import's id or why the file was refused. */
  public Upload upload(Actor by, String fileName, byte[] content) {
    requireWrite(by);
    ImportFiles.Format format = ImportFiles.detect(content);
    ImportFiles.Shape shape;
    try {
      shape = ImportFiles.inspect(format, content, maxRows);
    } catch (ImportFiles.Refused refused) {
      return new Upload.Refused(refused.messageKey(), refused.args());
    }
    UUID id = Ids.newId();
    String name = fileName == null || fileName.isBlank() ? "members" : fileName.strip();
    tx.executeWithoutResult(
        s -> {
          vault.createKey(id, by.organisation());
          store.insert(
              id,
              by.organisation(),
              by.username(),
              name.length() > 200 ? name.substring(0, 200) : name,
              sha256(content),
              format.name(),
              vault.encrypt(id, CONTENT, java.util.Base64.getEncoder().encodeToString(content)),
              JSON.writeValueAsString(shape.headers()),
              shape.rows());
          audit.record(
              new AuditLog.Event(
                  by.username(),
                  by.organisation(),
                  "MEMBER_IMPORT_UPLOADED",
                  "member_import",
                  id.toString(),
                  format + ", " + shape.rows() + " rows"));
        });
    return new Upload.Accepted(id);
  }

  public View get(Actor by, UUID id) {
    ImportStore.ImportRow row = readable(by, id);
    List<String> headers = JSON.readValue(row.headers(), new TypeReference<List<String>>() {});
    Map<ImportMapping.Field, Integer> mapping =
        row.mapping() == null ? ImportMapping.guess(headers) : parseMapping(row.mapping());
    List<Problem> problems =
        row.report() == null
            ? List.of()
            : JSON.readValue(row.report(), new TypeReference<List<Problem>>() {});
    return new View(
        row.id(),
        row.fileName(),
        headers,
        mapping,
        ImportMapping.missing(mapping),
        row.status(),
        row.totalRows(),
        row.validRows(),
        row.invalidRows(),
        row.processedRows(),
        row.importedRows(),
        row.skippedRows(),
        problems,
        row.failure(),
        store.earlierImportOf(row.organisation(), row.fileSha256(), row.id()).isPresent());
  }

  /** Applies a column mapping and validates every row; returns the missing required fields. */
  public List<ImportMapping.Field> validate(
      Actor by, UUID id, Map<ImportMapping.Field, Integer> mapping) {
    ImportStore.ImportRow row = readable(by, id);
    requireWrite(by);
    List<ImportMapping.Field> missing = ImportMapping.missing(mapping);
    if (!missing.isEmpty()) {
      return missing;
    }
    List<String> headers = JSON.readValue(row.headers(), new TypeReference<List<String>>() {});
    List<Problem> problems = new ArrayList<>();
    int[] counts = {0, 0};
    LocalDate day = today.at(row.organisation());
    int thisYear = day.getYear();
    ImportFiles.forEachRow(
        ImportFiles.Format.valueOf(row.format()),
        content(row),
        (n, values) -> {
          var checked = validation.check(ImportMapping.input(mapping, values, thisYear), day);
          if (checked.valid()) {
            counts[0]++;
          } else {
            counts[1]++;
            checked
                .errors()
                .forEach(
                    (field, key) -> {
                      if (problems.size() < MAX_REPORTED) {
                        problems.add(new Problem(n, column(field, mapping, headers), key));
                      }
                    });
          }
        });
    problems.sort(java.util.Comparator.comparingInt(Problem::row));
    tx.executeWithoutResult(
        s ->
            store.validated(
                id,
                JSON.writeValueAsString(mapping),
                counts[0],
                counts[1],
                JSON.writeValueAsString(problems)));
    return List.of();
  }

  /**
   * Starts the import in the background. All or nothing runs in one transaction and is refused
   * while any row is invalid; otherwise each valid row is saved on its own.
   */
  public boolean run(Actor by, UUID id, boolean allOrNothing) {
    ImportStore.ImportRow row = readable(by, id);
    requireWrite(by);
    if (!"VALIDATED".equals(row.status())
        || (allOrNothing && row.invalidRows() != null && row.invalidRows() > 0)) {
      return false;
    }
    if (!tx.execute(s -> store.start(id, allOrNothing ? "ALL_OR_NOTHING" : "VALID_ROWS"))) {
      return false;
    }
    executor.execute(() -> importRows(by, store.find(id).orElseThrow(), allOrNothing));
    return true;
  }

  private void importRows(Actor by, ImportStore.ImportRow row, boolean allOrNothing) {
    Map<ImportMapping.Field, Integer> mapping = parseMapping(row.mapping());
    int[] counts = {0, 0, 0};
    LocalDate day = today.at(row.organisation());
    int thisYear = day.getYear();
    // In "valid rows" mode rows are committed a chunk at a time: one durable commit per chunk
    // instead of per row. A failure stops the import either way; committed chunks stay, and
    // importing the file again skips them by their fingerprints.
    List<Runnable> chunk = new ArrayList<>(CHUNK);
    int[] pending = {0, 0};
    Runnable commitChunk =
        () -> {
          if (chunk.isEmpty()) {
            return;
          }
          int[] added = {0, 0};
          tx.executeWithoutResult(
              s -> {
                pending[0] = 0;
                pending[1] = 0;
                chunk.forEach(Runnable::run);
                added[0] = pending[0];
                added[1] = pending[1];
              });
          counts[1] += added[0];
          counts[2] += added[1];
          chunk.clear();
          separately.executeWithoutResult(
              s -> store.progress(row.id(), counts[0], counts[1], counts[2]));
        };
    try {
      Runnable all =
          () ->
              ImportFiles.forEachRow(
                  ImportFiles.Format.valueOf(row.format()),
                  content(row),
                  (n, values) -> {
                    counts[0]++;
                    MemberInput input = ImportMapping.input(mapping, values, thisYear);
                    if (!validation.check(input, day).valid()) {
                      return;
                    }
                    String fingerprint = fingerprint(row, values, mapping);
                    if (allOrNothing) {
                      importOne(by, row, input, fingerprint, counts, 1, 2);
                      if (counts[0] % PROGRESS_EVERY == 0) {
                        separately.executeWithoutResult(
                            s -> store.progress(row.id(), counts[0], counts[1], counts[2]));
                      }
                    } else {
                      chunk.add(() -> importOne(by, row, input, fingerprint, pending, 0, 1));
                      if (chunk.size() == CHUNK) {
                        commitChunk.run();
                      }
                    }
                  });
      if (allOrNothing) {
        tx.executeWithoutResult(s -> all.run());
      } else {
        all.run();
        commitChunk.run();
      }
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
    } catch (RuntimeException e) {
      // Not the exception itself: database messages can quote the values of a row.
      log.error("Import {} failed: {}", row.id(), e.getClass().getName());
      tx.executeWithoutResult(
          s -> {
            if (allOrNothing) {
              store.progress(row.id(), counts[0], 0, 0);
            }
            store.finish(row.id(), "FAILED", "import.failed");
            vault.destroyKey(row.id());
          });
    }
  }

  /** Imports one row; counts it in {@code counts[imported]} or {@code counts[skipped]}. */
  private void importOne(
      Actor by,
      ImportStore.ImportRow row,
      MemberInput input,
      String fingerprint,
      int[] counts,
      int imported,
      int skipped) {
    if (store.seen(row.organisation(), fingerprint)) {
      counts[skipped]++;
      return;
    }
    if (members.registerOnly(by, input) instanceof MemberId id) {
      store.remember(row.organisation(), fingerprint, id.value(), row.id());
      counts[imported]++;
    }
  }

  private ImportStore.ImportRow readable(Actor by, UUID id) {
    ImportStore.ImportRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_READ, row.organisation());
    return row;
  }

  private void requireWrite(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_WRITE, by.organisation());
  }

  private byte[] content(ImportStore.ImportRow row) {
    Optional<String> text = vault.decrypt(row.id(), CONTENT, row.content());
    return java.util.Base64.getDecoder()
        .decode(text.orElseThrow(() -> new IllegalStateException("the file is gone")));
  }

  private static Map<ImportMapping.Field, Integer> parseMapping(String json) {
    Map<String, Integer> raw = JSON.readValue(json, new TypeReference<Map<String, Integer>>() {});
    Map<ImportMapping.Field, Integer> mapping = new EnumMap<>(ImportMapping.Field.class);
    raw.forEach((k, v) -> mapping.put(ImportMapping.Field.valueOf(k), v));
    return mapping;
  }

  private static String column(
      String field, Map<ImportMapping.Field, Integer> mapping, List<String> headers) {
    ImportMapping.Field source =
        switch (field) {
          case "name" -> ImportMapping.Field.NAME;
          case "alias" -> ImportMapping.Field.ALIAS;
          case "gender" -> ImportMapping.Field.GENDER;
          case "dateOfBirth" -> ImportMapping.Field.DATE_OF_BIRTH;
          case "yearOfBirth" ->
              mapping.containsKey(ImportMapping.Field.YEAR_OF_BIRTH)
                  ? ImportMapping.Field.YEAR_OF_BIRTH
                  : ImportMapping.Field.AGE;
          case "phone" -> ImportMapping.Field.PHONE;
          case "district" -> ImportMapping.Field.DISTRICT;
          case "joinedOn" -> ImportMapping.Field.JOINED_ON;
          case "documents.AADHAAR" -> ImportMapping.Field.AADHAAR_LAST_FOUR;
          case "documents.RATION_CARD" -> ImportMapping.Field.RATION_CARD_TYPE;
          default -> null;
        };
    Integer index = source == null ? null : mapping.get(source);
    return index == null || index >= headers.size() ? field : headers.get(index);
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

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
