package org.sahay.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sahay.Fixtures;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dashboard time over many members and hand-overs, run by hand (docs/benchmarks.md): {@code java
 * -cp <test classpath> org.sahay.reporting.DashboardBenchmark 100 10000 50000} makes 100
 * collectives in one network, each with 10,000 members and 50,000 hand-overs (so a million members
 * and five million hand-overs in all), inserted in SQL, then times the network's dashboard (all
 * collectives), one collective's own, and each narrowed to a district: median and slowest of 5 runs
 * after 2 warm-ups. PostgreSQL when SAHAY_TEST_DB_URL names one, else H2 in a file under
 * target/dashboard-benchmark.
 */
public final class DashboardBenchmark {

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int collectives = Integer.parseInt(args[0]);
    int members = Integer.parseInt(args[1]);
    int handOvers = Integer.parseInt(args[2]);
    try (ConfigurableApplicationContext context =
        org.sahay.Benchmarked.start("dashboard-benchmark")) {
      Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
      Organisations organisations = context.getBean(Organisations.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      boolean postgres;
      try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
        postgres = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
      }
      Organisation network = fixtures.organisation(OrganisationKind.NETWORK);
      var admin = fixtures.systemAdmin().actor();
      List<Organisation> made = new ArrayList<>();
      long seeding = System.nanoTime();
      for (int c = 0; c < collectives; c++) {
        Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
        organisations.link(admin, collective.id(), LinkKind.MEMBER_OF, network.id());
        seedMembers(jdbc, collective, members, postgres);
        LargeExportCheck.seed(jdbc, collective.id(), handOvers, postgres);
        made.add(collective);
      }
      if (postgres) {
        jdbc.sql("analyze").update();
      }
      System.out.printf("seeded in %.0f s%n", (System.nanoTime() - seeding) / 1e9);
      Dashboards dashboards = context.getBean(Dashboards.class);
      var networkStaff = fixtures.user(network, Role.MENTOR_STAFF).actor();
      var leader = fixtures.user(made.get(0), Role.LEADER).actor();
      YearMonth to = YearMonth.of(2026, 12);
      YearMonth from = YearMonth.of(2026, 1);
      time(
          "network, all districts",
          () -> dashboards.of(networkStaff, new Dashboards.Filter(from, to, null, null)));
      time(
          "network, one district",
          () -> dashboards.of(networkStaff, new Dashboards.Filter(from, to, "Krishna", null)));
      time(
          "collective, all districts",
          () -> dashboards.of(leader, new Dashboards.Filter(from, to, null, null)));
      time(
          "collective, one district",
          () -> dashboards.of(leader, new Dashboards.Filter(from, to, "Krishna", null)));
    }
    System.exit(0);
  }

  private static void time(String what, Runnable dashboard) {
    dashboard.run();
    long[] ms = new long[3];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      dashboard.run();
      ms[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.printf("DASHBOARD %s: median %d ms, slowest %d ms%n", what, ms[1], ms[2]);
  }

  /**
   * Members with a code, gender, year of birth, district and status, as the registry keeps them.
   */
  private static void seedMembers(
      JdbcClient jdbc, Organisation collective, int members, boolean postgres) {
    String series =
        postgres
            ? "generate_series(1, :n) as s(x)"
            : "(select \"X\" as x from system_range(1, :n)) as s";
    String uuid = postgres ? "gen_random_uuid()" : "random_uuid()";
    jdbc.sql(
            "insert into member (id, organisation_id, code, gender, birth_year, state, district,"
                + " status, version, created_at, updated_at) select "
                + uuid
                + ", :org, 'B-' || x, case mod(x, 10) when 0 then 'TRANSGENDER' else 'FEMALE' end,"
                + " 1960 + mod(x, 45), 'Andhra Pradesh',"
                + " case mod(x, 3) when 0 then 'Guntur' when 1 then 'Krishna' else 'Nadia' end,"
                + " case mod(x, 50) when 0 then 'MOVED' else 'ACTIVE' end, 0,"
                + " timestamp with time zone '2025-06-01 00:00:00+00',"
                + " timestamp with time zone '2025-06-01 00:00:00+00' from "
                + series)
        .param("org", collective.id().value())
        .param("n", members)
        .update();
  }
}
