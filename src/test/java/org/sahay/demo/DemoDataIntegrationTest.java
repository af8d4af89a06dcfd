package org.sahay.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.SahayApplication;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoDataIntegrationTest extends IntegrationTest {

  /**
   * SAHAY_DEMO on an empty database: two fictional collectives (Andhra Pradesh and West Bengal), a
   * mentor, a funder and a network, members in Telugu, Latin, Bengali and Devanagari script,
   * households, needs, a round with hand-overs, donations, a grant, doses, sessions, and a support
   * request at each stage before payment; every page says DEMO. A second start keeps it as it is.
   */
  @Test
  void demoDataFillsAnEmptyDatabaseAndEveryPageSaysDemo() throws Exception {
    String url =
        "jdbc:h2:mem:demo-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext demo = start(url)) {
      JdbcClient jdbc = demo.getBean(JdbcClient.class);
      assertThat(count(jdbc, "select count(*) from organisation")).isEqualTo(5);
      assertThat(count(jdbc, "select count(*) from member")).isEqualTo(48);
      assertThat(jdbc.sql("select status from support_request").query(String.class).list())
          .contains(
              "DRAFT",
              "SUBMITTED",
              "APPROVED",
              "PARTLY_APPROVED",
              "REJECTED",
              "DISBURSING",
              "CLOSED");
      assertThat(count(jdbc, "select count(*) from entitlement where status = 'GRANTED'"))
          .isEqualTo(8);
      assertThat(count(jdbc, "select count(*) from household")).isEqualTo(12);
      assertThat(count(jdbc, "select count(*) from need")).isEqualTo(32);
      assertThat(count(jdbc, "select count(*) from distribution")).isGreaterThanOrEqualTo(12);
      assertThat(count(jdbc, "select count(*) from donation")).isEqualTo(12);
      assertThat(count(jdbc, "select count(*) from grant_award")).isEqualTo(10);
      assertThat(count(jdbc, "select count(*) from vaccination_dose")).isEqualTo(16);
      assertThat(count(jdbc, "select count(*) from counselling_session")).isEqualTo(10);
      assertThat(count(jdbc, "select count(*) from app_user")).isEqualTo(8);
      int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
      HttpResponse<String> login =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(login.body()).contains("id=\"demo-banner\"", "DEMO");
    }
    try (ConfigurableApplicationContext again = start(url)) {
      assertThat(count(again.getBean(JdbcClient.class), "select count(*) from member"))
          .isEqualTo(48);
    }
  }

  /** SAHAY_DEMO on a database that already holds real users stops the start. */
  @Test
  void demoDataIsRefusedOnADatabaseWithRealData() {
    fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    String url = System.getenv("SAHAY_TEST_DB_URL");
    assertThatThrownBy(
            () ->
                start(
                        url != null
                            ? url
                            : "jdbc:h2:mem:sahay-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                    .close())
        .hasStackTraceContaining("already holds real data");
  }

  private static ConfigurableApplicationContext start(String url) {
    SpringApplication application = new SpringApplication(SahayApplication.class);
    application.setAdditionalProfiles("test");
    return application.run(
        List.of(
                "--server.port=0",
                "--sahay.demo=true",
                "--spring.datasource.url=" + url,
                "--sahay.data-dir=target/demo-data",
                "--spring.jmx.enabled=false")
            .toArray(String[]::new));
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
