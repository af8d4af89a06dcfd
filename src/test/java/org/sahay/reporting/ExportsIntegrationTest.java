package org.sahay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.TokenClient;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ExportsIntegrationTest extends IntegrationTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

  @Autowired private JdbcClient jdbc;
  @Autowired private Exports exports;

  /**
   * A leader starts an export of hand-overs in the background, watches it finish and downloads it:
   * one row per hand-over, no name. Nobody else, not even a colleague, can see or fetch it; asking
   * and fetching are audited; a reason is required; and the file is gone when a member of the
   * collective is erased, and when its day is over.
   */
  @Test
  void anExportRunsInTheBackgroundAndOnlyItsAskerMayFetchItForADay() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER, Role.ORG_ADMIN);
    TokenClient api = new TokenClient(http(), http().token(leader.username(), leader.password()));
    String round = round(api);
    String firstMember = null;
    for (int i = 0; i < 3; i++) {
      String member =
          Json.text(
              api.post(
                      "/api/v1/members",
                      "{\"name\":\"Export Person%d\",\"gender\":\"FEMALE\",\"yearOfBirth\":1980,\"district\":\"Guntur\"}"
                          .formatted(i))
                  .body(),
              "$.id");
      firstMember = firstMember == null ? member : firstMember;
      assertThat(
              api.post(
                      "/api/v1/distribution-rounds/" + round + "/distributions",
                      "{\"memberId\":\"%s\"}".formatted(member))
                  .statusCode())
          .isEqualTo(201);
    }
    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    var refused =
        browser.postForm(
            "/reports/exports",
            Map.of(
                "kind",
                "relief.handovers",
                "format",
                "CSV",
                "from",
                TODAY.minusDays(1).toString(),
                "to",
                TODAY.toString(),
                "purpose",
                ""),
            "/reports/exports");
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/reports/exports");
    assertThat(browser.get("/reports/exports").body()).contains("f-purpose-error");

    var started =
        browser.postForm(
            "/reports/exports",
            Map.of(
                "kind",
                "relief.handovers",
                "format",
                "CSV",
                "from",
                TODAY.minusDays(1).toString(),
                "to",
                TODAY.toString(),
                "purpose",
                "District meeting"),
            "/reports/exports");
    String location = started.headers().firstValue("Location").orElseThrow();
    String job = location.substring(location.lastIndexOf('/') + 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String progress = "";
    while (System.nanoTime() < deadline && !progress.contains("export-download")) {
      progress = browser.get("/reports/exports/" + job + "/progress").body();
      Thread.sleep(100);
    }
    assertThat(progress).contains("export-download", "value=\"100\"");
    var file = browser.getBytes("/reports/exports/" + job + "/file");
    assertThat(file.statusCode()).isEqualTo(200);
    String csv = new String(file.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(4);
    assertThat(csv).contains("Ration round", "Guntur", "member").doesNotContain("Export Person");
    assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    var colleague = fixtures.user(collective, Role.LEADER);
    Http theirs = http();
    theirs.signIn(colleague.username(), colleague.password());
    assertThat(theirs.get("/reports/exports/" + job).statusCode()).isEqualTo(404);
    assertThat(theirs.getBytes("/reports/exports/" + job + "/file").statusCode()).isEqualTo(404);
    assertThat(theirs.get("/reports/exports").body()).doesNotContain(job);
    assertThat(audited(job)).containsExactlyInAnyOrder("EXPORT_REQUESTED", "EXPORT_DOWNLOADED");

    assertThat(api.erase(firstMember)).isEqualTo(204);
    assertThat(browser.getBytes("/reports/exports/" + job + "/file").statusCode()).isEqualTo(404);
    assertThat(
            java.nio.file.Files.exists(
                java.nio.file.Path.of("target/test-data/exports", job + ".csv")))
        .isFalse();

    var again =
        browser.postForm(
            "/reports/exports",
            Map.of(
                "kind",
                "relief.handovers",
                "format",
                "XLSX",
                "from",
                TODAY.minusDays(1).toString(),
                "to",
                TODAY.toString(),
                "purpose",
                "Funder visit"),
            "/reports/exports");
    String second = again.headers().firstValue("Location").orElseThrow();
    second = second.substring(second.lastIndexOf('/') + 1);
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && !browser
            .get("/reports/exports/" + second + "/progress")
            .body()
            .contains("export-download")) {
      Thread.sleep(100);
    }
    assertThat(browser.getBytes("/reports/exports/" + second + "/file").statusCode())
        .isEqualTo(200);
    jdbc.sql("update export_job set expires_at = :past where id = :id")
        .param("past", java.time.OffsetDateTime.now().minusMinutes(1))
        .param("id", java.util.UUID.fromString(second))
        .update();
    exports.deleteExpired();
    assertThat(browser.getBytes("/reports/exports/" + second + "/file").statusCode())
        .isEqualTo(404);
    assertThat(
            java.nio.file.Files.exists(
                java.nio.file.Path.of("target/test-data/exports", second + ".xlsx")))
        .isFalse();
  }

  private java.util.List<String> audited(String job) {
    return jdbc.sql("select action from audit_entry where entity_id = :id")
        .param("id", job)
        .query(String.class)
        .list();
  }

  private static String round(TokenClient api) {
    String item =
        Json.text(
            api.post("/api/v1/items", "{\"nameEn\":\"Rice\",\"unit\":\"KG\",\"category\":\"FOOD\"}")
                .body(),
            "$.id");
    String location =
        Json.text(api.post("/api/v1/stock-locations", "{\"name\":\"Hall\"}").body(), "$.id");
    api.post(
        "/api/v1/stock-receipts",
        "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":50,\"source\":\"DONATION_IN_KIND\"}"
            .formatted(location, item));
    return Json.text(
        api.post(
                "/api/v1/distribution-rounds",
                """
                {"name":"Ration round","startsOn":"%s","endsOn":"%s","locationId":"%s",
                 "lines":[{"item":"%s","quantity":5}],"eligibility":"ALL_MEMBERS",
                 "rule":"ONCE_PER_HOUSEHOLD"}
                """
                    .formatted(TODAY.withDayOfMonth(1), TODAY.plusDays(30), location, item))
            .body(),
        "$.id");
  }
}
