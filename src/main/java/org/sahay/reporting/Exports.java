package org.sahay.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.ExportSource;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.TableWriter;
import org.sahay.registry.MemberErased;
import org.sahay.reporting.internal.ExportJobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Large exports, run in the background: the rows stream from the module into the file in constant
 * memory while the page shows how far it has got; the file may be downloaded for a day by the one
 * who asked, and only by her; asking and downloading are audited; the file is deleted when its day
 * is over, when it fails, and when any member of the collective is erased.
 */
@Service
public class Exports {

  /** What asking for an export answered. */
  public sealed interface Request {
    record Started(ExportJob job) implements Request {}

    /** Field name to message key; nothing was started. */
    record Invalid(Map<String, String> errors) implements Request {}
  }

  /** How long a finished file may be downloaded. */
  public static final Duration KEPT = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(Exports.class);

  private final Map<String, ExportSource> sources = new LinkedHashMap<>();
  private final ExportJobStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final Path folder;
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "sahay-export");
            t.setDaemon(true);
            return t;
          });

  Exports(
      List<ExportSource> sources,
      ExportJobStore store,
      AccessPolicy policy,
      AuditLog audit,
      Clock clock,
      @Value("${sahay.data-dir}") String dataDirectory) {
    sources.forEach(s -> this.sources.put(s.kind(), s));
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.folder = Path.of(dataDirectory, "exports");
  }

  /** The kinds of export there are, in order. */
  public List<String> kinds() {
    return List.copyOf(sources.keySet());
  }

  /** The column headings of a kind, as message keys. */
  public List<String> columns(String kind) {
    return Optional.ofNullable(sources.get(kind)).map(ExportSource::columns).orElse(List.of());
  }

  /**
   * Starts an export of the actor's collective; {@code headings} are the columns in the asker's
   * language, {@code about} what the file says of itself (who, when, why).
   */
  public Request request(
      Actor by,
      String kind,
      String format,
      LocalDate from,
      LocalDate until,
      String purpose,
      List<String> headings) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, ReportAction.EXPORT_LARGE, own);
    Map<String, String> errors = new LinkedHashMap<>();
    ExportSource source = kind == null ? null : sources.get(kind);
    if (source == null) {
      errors.put("kind", "largeExport.kind.invalid");
    }
    ExportJob.Format chosen = null;
    try {
      chosen = ExportJob.Format.valueOf(String.valueOf(format).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put("format", "largeExport.format.invalid");
    }
    if (from == null || until == null || !until.isAfter(from)) {
      errors.put("from", "largeExport.period.invalid");
    }
    String why = purpose == null ? "" : purpose.strip();
    if (why.length() < 3 || why.length() > 300) {
      errors.put("purpose", "largeExport.purpose.invalid");
    }
    if (!errors.isEmpty()) {
      return new Request.Invalid(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    ExportJob job =
        new ExportJob(
            UUID.randomUUID(),
            own,
            by.username(),
            kind,
            chosen,
            from,
            until,
            why,
            ExportJob.Status.QUEUED,
            source.count(own, from, until),
            0,
            now,
            null,
            now.plus(KEPT));
    store.insert(job);
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "EXPORT_REQUESTED",
            "export",
            job.id().toString(),
            kind + ", " + chosen + ", " + job.rowsTotal() + " rows, " + from + " to " + until));
    workers.submit(() -> run(job, source, headings));
    return new Request.Started(job);
  }

  /** The job, for the one who asked for it; 404 for anyone else. */
  public ExportJob job(Actor by, UUID id) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, ReportAction.EXPORT_LARGE, own);
    return store.find(id, own, by.username()).orElseThrow(NotFoundException::new);
  }

  /** The actor's own recent exports. */
  public List<ExportJob> mine(Actor by) {
    OrganisationId own = by.organisation();
    if (own == null || !policy.permits(by, ReportAction.EXPORT_LARGE, own)) {
      return List.of();
    }
    return store.of(own, by.username());
  }

  /** The finished file, for the one who asked, within its day; audited. 404 otherwise. */
  public Path file(Actor by, UUID id) {
    ExportJob job = job(by, id);
    Path file = finished(job);
    if (job.status() != ExportJob.Status.DONE
        || !job.expiresAt().isAfter(OffsetDateTime.now(clock))
        || !Files.exists(file)) {
      throw new NotFoundException();
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            job.organisation(),
            "EXPORT_DOWNLOADED",
            "export",
            id.toString(),
            job.kind() + ", " + job.rowsDone() + " rows"));
    return file;
  }

  private void run(ExportJob job, ExportSource source, List<String> headings) {
    Path part = folder.resolve(job.id() + ".part");
    try {
      Files.createDirectories(folder);
      store.progress(job.id(), ExportJob.Status.RUNNING, 0, null);
      long[] done = {0};
      try (OutputStream out = Files.newOutputStream(part);
          TableWriter table = writer(job, out, headings)) {
        source.write(
            job.organisation(),
            job.from(),
            job.until(),
            table,
            n -> {
              done[0] = n;
              store.progress(job.id(), ExportJob.Status.RUNNING, n, null);
            });
      }
      Files.move(part, finished(job), StandardCopyOption.ATOMIC_MOVE);
      store.progress(job.id(), ExportJob.Status.DONE, done[0], OffsetDateTime.now(clock));
    } catch (IOException | RuntimeException e) {
      // The job's id only: the rows may hold what nobody should find in a log.
      LOG.warn("Export {} failed: {}", job.id(), e.getClass().getSimpleName());
      deleteQuietly(part);
      store.progress(job.id(), ExportJob.Status.FAILED, 0, OffsetDateTime.now(clock));
    }
  }

  private TableWriter writer(ExportJob job, OutputStream out, List<String> headings)
      throws IOException {
    if (job.format() == ExportJob.Format.CSV) {
      return TableWriter.csv(out, headings);
    }
    Map<String, String> about = new LinkedHashMap<>();
    about.put("Export", job.kind());
    about.put("Made by", job.requestedBy());
    about.put("Made at", job.createdAt().toString());
    about.put("Why", job.purpose());
    about.put("Period", job.from() + " to " + job.until().minusDays(1));
    return TableWriter.xlsx(out, "Rows", headings, about);
  }

  private Path finished(ExportJob job) {
    return folder.resolve(job.id() + "." + job.format().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Deletes the files and rows of jobs whose day is over. */
  @Scheduled(fixedDelayString = "${sahay.exports.cleanup-every:10m}")
  public void deleteExpired() {
    store.expired(OffsetDateTime.now(clock)).forEach(this::forget);
  }

  /** An erased member may be in any file of her collective: all of them go. */
  @EventListener
  void on(MemberErased erased) {
    store.ofCollective(erased.organisation()).forEach(this::forget);
  }

  @EventListener(ApplicationReadyEvent.class)
  void failUnfinished() {
    store.failUnfinished(OffsetDateTime.now(clock));
    try (var files = Files.list(folder)) {
      files.filter(f -> f.toString().endsWith(".part")).forEach(Exports::deleteQuietly);
    } catch (IOException e) {
      // No folder yet: nothing was left behind.
    }
  }

  private void forget(UUID id) {
    for (String extension : List.of(".part", ".csv", ".xlsx")) {
      deleteQuietly(folder.resolve(id + extension));
    }
    store.delete(id);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete an export file: {}", e.getClass().getSimpleName());
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
