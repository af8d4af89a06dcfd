package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Plaintext;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HealthSupportIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Vault vault;

  private Cared as(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new Cared(http(), http().token(user.username(), user.password()));
  }

  private static long onHand(Cared leader, String location) {
    return Json.number(leader.get("/api/v1/stock?locationId=" + location).body(), "$[0].onHand");
  }

  /**
   * Ten strips of a synthetic medicine in stock: a counsellor gives three to a member, and the
   * phone's retry with the same key gives nothing more (seven left); asking for fifty is refused
   * and saves nothing. Leaders without the grant see nothing; the table holds no plaintext; reads
   * are audited; another collective gets 404; erasure leaves it unreadable.
   */
  @Test
  void aHandOutFromStockLowersStockOnceAndStaysSealed() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared leader = as(collective, Role.LEADER);
    Cared counsellor = as(collective, Role.COUNSELLOR);
    String[] asha = leader.member("Asha Treated", "Guntur");
    String item =
        Json.text(
            leader
                .post(
                    "/api/v1/items",
                    "{\"nameEn\":\"Synthetic tablets\",\"unit\":\"PIECE\",\"category\":\"MEDICINE\"}")
                .body(),
            "$.id");
    String location =
        Json.text(
            leader.post("/api/v1/stock-locations", "{\"name\":\"Clinic shelf\"}").body(), "$.id");
    assertThat(
            leader
                .post(
                    "/api/v1/stock-receipts",
                    "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":10,\"source\":\"NETWORK\"}"
                        .formatted(location, item))
                .statusCode())
        .isEqualTo(201);

    String given =
        """
        {"member":"%s","kind":"ART_ADHERENCE","what":"Synthetic ART refill","location":"%s",
         "item":"%s","quantity":%s}
        """;
    var first =
        counsellor.post(
            "/api/v1/health-support",
            given.formatted(asha[1], location, item, 3),
            "Idempotency-Key",
            "health-1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    var replay =
        counsellor.post(
            "/api/v1/health-support",
            given.formatted(asha[1], location, item, 3),
            "Idempotency-Key",
            "health-1");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(onHand(leader, location)).isEqualTo(7);
    var tooMuch =
        counsellor.post("/api/v1/health-support", given.formatted(asha[1], location, item, 50));
    assertThat(tooMuch.statusCode()).isEqualTo(400);
    assertThat(Json.object(tooMuch.body(), "$.errors")).containsOnlyKeys("quantity");
    assertThat(onHand(leader, location)).isEqualTo(7);
    assertThat(Json.list(counsellor.get("/api/v1/health-support?member=" + asha[0]).body(), "$"))
        .hasSize(1);

    assertThat(leader.get("/api/v1/health-support").statusCode()).isEqualTo(403);
    assertThat(
            leader
                .post("/api/v1/health-support", given.formatted(asha[1], location, item, 1))
                .statusCode())
        .isEqualTo(403);
    Plaintext.absent(
        jdbc, new String[] {"health_support", "audit_entry"}, "Synthetic ART", "ART_ADHERENCE");
    String id = Json.text(first.body(), "$.id");
    long reads =
        jdbc.sql("select count(*) from audit_entry where action = 'HEALTH_SUPPORT_READ'")
            .query(Long.class)
            .single();
    counsellor.get("/api/v1/health-support/" + id);
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = 'HEALTH_SUPPORT_READ'")
                .query(Long.class)
                .single())
        .isEqualTo(reads + 1);

    Cared stranger = as(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.COUNSELLOR);
    assertThat(stranger.get("/api/v1/health-support/" + id).statusCode()).isEqualTo(404);
    assertThat(
            Json.object(
                stranger
                    .post("/api/v1/health-support", given.formatted(asha[0], location, item, 1))
                    .body(),
                "$.errors"))
        .containsKey("member");

    var user = fixtures.user(collective, Role.COUNSELLOR);
    Http browser = http();
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/care/health").body())
        .contains(asha[1], "ART adherence support", "Synthetic ART refill");

    byte[] sealed =
        jdbc.sql("select sealed from health_support where id = :id")
            .param("id", UUID.fromString(id))
            .query(byte[].class)
            .single();
    assertThat(as(collective, Role.ORG_ADMIN).erase(asha[0])).isEqualTo(204);
    assertThat(vault.decrypt(UUID.fromString(asha[0]), "health-support", sealed)).isEmpty();
    assertThat(counsellor.get("/api/v1/health-support/" + id).statusCode()).isEqualTo(404);
  }
}
