package org.sahay.reporting;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sahay.Fixtures;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.OrganisationId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports many synthetic hand-overs as XLSX in a JVM of its own, so that its heap can be capped:
 * {@code java -Xmx256m -cp <test classpath> org.sahay.reporting.LargeExportCheck 1000000 XLSX}.
 * Runs Sahay against the test database (PostgreSQL when SAHAY_TEST_DB_URL names one, else H2 in a
 * file, as Sahay runs embedded), inserts the rows in SQL, runs the export as a leader would, and
 * prints one line: rows, seconds, the heap's peak during the export and the file's size. Exits 0
 * only when every row was written.
 */
public final class LargeExportCheck {

  private LargeExportCheck() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    String format = args.length > 1 ? args[1] : "XLSX";
    boolean ok = false;
    boolean postgres;
    try (ConfigurableApplicationContext context = org.sahay.Benchmarked.start("large-export")) {
      Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
      var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
      var leader = fixtures.user(collective, Role.ORG_ADMIN, Role.LEADER);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      long seeding = System.nanoTime();
      try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
        postgres = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
      }
      seed(jdbc, collective.id(), rows, postgres);
      double seeded = (System.nanoTime() - seeding) / 1e9;
      Exports exports = context.getBean(Exports.class);
      System.gc();
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      var request =
          exports.request(
              leader.actor(),
              "relief.handovers",
              format,
              LocalDate.of(2025, 12, 1),
              LocalDate.of(2027, 1, 1),
              "heap check",
              List.of("Day", "Round", "District", "Reached", "People", "Reversed"));
      UUID id = ((Exports.Request.Started) request).job().id();
      ExportJob job = exports.job(leader.actor(), id);
      while (job.status() == ExportJob.Status.QUEUED || job.status() == ExportJob.Status.RUNNING) {
        Thread.sleep(200);
        job = exports.job(leader.actor(), id);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      Path file =
          Path.of("target", "large-export", "exports")
              .resolve(id + "." + format.toLowerCase(java.util.Locale.ROOT));
      long size = Files.exists(file) ? Files.size(file) : -1;
      System.out.printf(
          java.util.Locale.ROOT,
          "LARGE-EXPORT rows=%d status=%s seconds=%.1f seeded=%.1f peakHeapMb=%.0f maxHeapMb=%.0f fileMb=%.1f%n",
          job.rowsDone(),
          job.status(),
          seconds,
          seeded,
          peak / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0,
          size / 1048576.0);
      ok = job.status() == ExportJob.Status.DONE && job.rowsDone() == rows;
      Files.deleteIfExists(file);
      if (postgres) {
        // The suite's PostgreSQL database is shared with the other tests: leave it as it was.
        jdbc.sql("delete from distribution where organisation_id = :org")
            .param("org", collective.id().value())
            .update();
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /** A location, a round and the hand-overs, made in SQL a hundred thousand at a time. */
  static void seed(JdbcClient jdbc, OrganisationId collective, int rows, boolean postgres) {
    UUID location = UUID.randomUUID();
    UUID round = UUID.randomUUID();
    jdbc.sql(
            "insert into stock_location (id, organisation_id, name, created_at)"
                + " values (:id, :org, 'Heap check hall', current_timestamp)")
        .param("id", location)
        .param("org", collective.value())
        .update();
    jdbc.sql(
            "insert into distribution_round (id, organisation_id, name, starts_on, ends_on,"
                + " location_id, eligibility, rule, created_by, created_at) values (:id, :org,"
                + " 'Heap check round', date '2026-01-01', date '2026-12-31', :location,"
                + " 'ANYONE_AT_SITE', 'UNLIMITED', 'heap-check', current_timestamp)")
        .param("id", round)
        .param("org", collective.value())
        .param("location", location)
        .update();
    String series =
        postgres
            ? "generate_series(:first, :last) as s(x)"
            : "(select \"X\" as x from system_range(:first, :last)) as s";
    String uuid = postgres ? "gen_random_uuid()" : "random_uuid()";
    String at =
        postgres
            ? "timestamp with time zone '2026-01-01 00:00:00+00' + x * interval '20 seconds'"
            : "dateadd('SECOND', x * 20, timestamp with time zone '2026-01-01 00:00:00+00')";
    for (int first = 1; first <= rows; first += 100_000) {
      jdbc.sql(
              "insert into distribution (id, organisation_id, round_id, household_key, people,"
                  + " recorded_by, recorded_at, district) select "
                  + uuid
                  + ", :org, :round, 'R:' || x, 1 + mod(x, 6), 'heap-check', "
                  + at
                  + ", case mod(x, 3) when 0 then 'Guntur' when 1 then 'Krishna' else 'Nadia' end"
                  + " from "
                  + series)
          .param("org", collective.value())
          .param("round", round)
          .param("first", first)
          .param("last", Math.min(rows, first + 99_999))
          .update();
    }
  }
}
