package org.sahay.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.sahay.Fixtures;
import org.sahay.matching.internal.MatchKeys;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full duplicate scan over many synthetic members, run by hand (docs/benchmarks.md): {@code java
 * -Xmx3g -cp <test classpath> org.sahay.matching.DuplicateScanBenchmark 1000000 500} makes 500
 * collectives of about 2,000 people each ({@link SyntheticPeople}: a fifth registered twice, in
 * four scripts), stores their match records as registration would (keyed under each collective's
 * own index key), then times the nightly scan of all of them twice. PostgreSQL when
 * SAHAY_TEST_DB_URL names one, else a fresh H2 file.
 */
public final class DuplicateScanBenchmark {

  private DuplicateScanBenchmark() {}

  /**
   * Where a scan's time goes: reading the records, then linkage in memory (the rest is writing).
   */
  private static void phases(ConfigurableApplicationContext context) {
    var records = context.getBean(org.sahay.matching.internal.MatchRecordStore.class);
    var tx =
        new org.springframework.transaction.support.TransactionTemplate(
            context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    tx.setReadOnly(true);
    List<org.sahay.matching.internal.MatchFeatures> features = new ArrayList<>();
    List<UUID> collectives = new ArrayList<>();
    List<Integer> collectiveOf = new ArrayList<>();
    long t0 = System.nanoTime();
    tx.executeWithoutResult(
        s ->
            records.forEach(
                null,
                (member, organisation, bytes) -> {
                  if (collectives.isEmpty()
                      || !collectives.get(collectives.size() - 1).equals(organisation)) {
                    collectives.add(organisation);
                  }
                  collectiveOf.add(collectives.size() - 1);
                  features.add(org.sahay.matching.internal.MatchFeatures.decode(bytes));
                }));
    long t1 = System.nanoTime();
    int[] collective = collectiveOf.stream().mapToInt(Integer::intValue).toArray();
    var result =
        org.sahay.matching.internal.Linkage.run(
            collective, features.toArray(new org.sahay.matching.internal.MatchFeatures[0]), null);
    long t2 = System.nanoTime();
    System.out.printf(
        "phases: read and decode %,d records %.1f s; block, compare, estimate, band %.1f s"
            + " (%,d candidates, %d blocks too large)%n",
        features.size(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        result.candidates().size(),
        result.candidates().largeBlocks());
  }

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int collectives = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    try (ConfigurableApplicationContext context =
        org.sahay.Benchmarked.start("duplicate-scan-benchmark")) {
      Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
      Vault vault = context.getBean(Vault.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      long started = System.nanoTime();
      long stored = 0;
      for (int c = 0; c < collectives && stored < members; c++) {
        Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
        ToLongFunction<String> keyed =
            value ->
                java.nio.ByteBuffer.wrap(
                        java.util.Base64.getUrlDecoder()
                            .decode(vault.token(collective.id(), "match|" + value)))
                    .getLong();
        int persons = (int) ((members - stored) / (collectives - c) / 1.175);
        var register = new SyntheticPeople(1000 + c).register(persons, 2, 0.2);
        List<Object[]> rows = new ArrayList<>(register.size());
        var now = java.time.OffsetDateTime.now();
        register.parallelStream()
            .map(r -> MatchKeys.of(r.plain(), keyed).encode())
            .forEachOrdered(
                f -> rows.add(new Object[] {UUID.randomUUID(), collective.id().value(), f, now}));
        jdbc.batchUpdate(
            "insert into match_record (member_id, organisation_id, features, active, updated_at)"
                + " values (?, ?, ?, true, ?)",
            rows);
        stored += rows.size();
      }
      System.out.printf(
          "stored %,d match records in %d collectives in %.1f s%n",
          stored, collectives, (System.nanoTime() - started) / 1e9);
      Duplicates duplicates = context.getBean(Duplicates.class);
      JdbcClient client = context.getBean(JdbcClient.class);
      for (int run = 1; run <= 2; run++) {
        long t0 = System.nanoTime();
        ScanId id = duplicates.scanAll("benchmark");
        double seconds = (System.nanoTime() - t0) / 1e9;
        var row =
            client
                .sql(
                    "select status, members_total, candidates, likely, possible from"
                        + " duplicate_scan where id = :id")
                .param("id", id.value())
                .query(
                    (rs, n) ->
                        rs.getString(1)
                            + " members="
                            + rs.getLong(2)
                            + " candidates="
                            + rs.getLong(3)
                            + " likely="
                            + rs.getLong(4)
                            + " possible="
                            + rs.getLong(5))
                .single();
        System.out.printf("scan %d: %.1f s, %s%n", run, seconds, row);
      }
      phases(context);
    }
  }
}
