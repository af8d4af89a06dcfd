package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Plaintext;
import org.sahay.access.Role;
import org.sahay.funds.FundsClient;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PeopleIntegrationTest extends IntegrationTest {

  private static final byte[] PDF =
      "%PDF-1.4\nSynthetic COVID-19 precautions leaflet\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Autowired private JdbcClient jdbc;

  private String token(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return http().token(user.username(), user.password());
  }

  private HttpResponse<String> upload(String token, String path, byte[] content) {
    String boundary = "----care" + System.nanoTime();
    var body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http()
        .postBytes(
            path,
            "multipart/form-data; boundary=" + boundary,
            body.toByteArray(),
            "Authorization",
            Http.bearer(token));
  }

  /**
   * A training with attendance and its leaflet (sealed, downloaded back whole, a text file
   * refused); a livelihood started with goods from stock and cash from a standing expense, its
   * status over time; a phone issued and returned; how a member can be reached. Another collective
   * sees none of it, and erasing the member removes her part.
   */
  @Test
  void trainingsLivelihoodsAndDevicesAreRecordedAndStayInTheirCollective() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String adminToken = token(collective, Role.ORG_ADMIN);
    Cared leader = new Cared(http(), token(collective, Role.LEADER));
    Cared admin = new Cared(http(), adminToken);
    String[] asha = leader.member("Asha Trained", "Guntur");
    String[] bina = leader.member("Bina Trained", "Guntur");

    var training =
        leader.post(
            "/api/v1/trainings",
            "{\"topic\":\"VIDEO_CALLS\",\"trainer\":\"Synthetic trainer\",\"attendance\":[\"%s\",\"%s\"]}"
                .formatted(asha[1], bina[1]),
            "Idempotency-Key",
            "training-1");
    assertThat(training.statusCode()).as(training.body()).isEqualTo(201);
    assertThat(Json.number(training.body(), "$.attended")).isEqualTo(2);
    String id = Json.text(training.body(), "$.id");
    assertThat(upload(adminToken, "/api/v1/trainings/" + id + "/material", PDF).statusCode())
        .isEqualTo(204);
    assertThat(
            upload(adminToken, "/api/v1/trainings/" + id + "/material", "just text".getBytes())
                .statusCode())
        .isEqualTo(400);
    var material = leader.getBytes("/api/v1/trainings/" + id + "/material");
    assertThat(material.body()).isEqualTo(PDF);
    Plaintext.absent(jdbc, new String[] {"training"}, "Synthetic COVID-19");
    assertThat(Json.list(leader.get("/api/v1/trainings").body(), "$[*].material"))
        .containsExactly(true);

    String item =
        Json.text(
            leader
                .post(
                    "/api/v1/items",
                    "{\"nameEn\":\"Vegetable crate\",\"unit\":\"PIECE\",\"category\":\"OTHER\"}")
                .body(),
            "$.id");
    String location =
        Json.text(leader.post("/api/v1/stock-locations", "{\"name\":\"Store\"}").body(), "$.id");
    leader.post(
        "/api/v1/stock-receipts",
        "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":5,\"source\":\"NETWORK\"}"
            .formatted(location, item));
    FundsClient funds = new FundsClient(http(), adminToken);
    String campaign = funds.campaign("livelihoods", false);
    funds.donate(campaign, 500_000, "2025-05-01");
    String expense = Json.text(funds.expense(funds.fundOf(campaign), 200_000).body(), "$.id");
    var started =
        admin.post(
            "/api/v1/livelihoods",
            """
            {"member":"%s","activity":"FRUIT_VEGETABLE_STALL","expense":"%s","location":"%s",
             "item":"%s","quantity":2,"incomeBand":"NONE"}
            """
                .formatted(asha[1], expense, location, item));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(
            Json.number(leader.get("/api/v1/stock?locationId=" + location).body(), "$[0].onHand"))
        .isEqualTo(3);
    var wrongExpense =
        admin.post(
            "/api/v1/livelihoods",
            "{\"member\":\"%s\",\"activity\":\"TAILORING\",\"expense\":\"%s\"}"
                .formatted(bina[1], java.util.UUID.randomUUID()));
    assertThat(Json.object(wrongExpense.body(), "$.errors")).containsOnlyKeys("expense");
    String livelihood = Json.text(started.body(), "$.id");
    var running =
        leader.post(
            "/api/v1/livelihoods/" + livelihood + "/status",
            "{\"status\":\"RUNNING\",\"incomeBand\":\"FROM_1000_TO_3000\"}");
    assertThat(Json.list(running.body(), "$.statuses[*].status"))
        .containsExactly("STARTED", "RUNNING");

    var phone =
        leader.post(
            "/api/v1/devices", "{\"member\":\"%s\",\"kind\":\"SMARTPHONE\"}".formatted(asha[1]));
    assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
    String device = Json.text(phone.body(), "$.id");
    assertThat(leader.post("/api/v1/devices/" + device + "/returned", "{}").statusCode())
        .isEqualTo(204);
    assertThat(leader.post("/api/v1/devices/" + device + "/returned", "{}").statusCode())
        .isEqualTo(404);
    assertThat(
            leader
                .put(
                    "/api/v1/devices/reach",
                    "{\"member\":\"%s\",\"reach\":\"MESSAGING\"}".formatted(asha[1]))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Json.object(
                leader
                    .put(
                        "/api/v1/devices/reach",
                        "{\"member\":\"%s\",\"reach\":\"PIGEON\"}".formatted(asha[1]))
                    .body(),
                "$.errors"))
        .containsOnlyKeys("reach");

    Cared stranger =
        new Cared(http(), token(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER));
    assertThat(stranger.get("/api/v1/trainings/" + id + "/material").statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/trainings").body()).doesNotContain(id);
    assertThat(stranger.get("/api/v1/livelihoods").body()).doesNotContain(livelihood);
    assertThat(stranger.get("/api/v1/livelihoods?member=" + asha[0]).statusCode()).isEqualTo(404);
    assertThat(
            stranger
                .post(
                    "/api/v1/livelihoods/" + livelihood + "/status",
                    "{\"status\":\"STOPPED\",\"incomeBand\":\"NONE\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(stranger.post("/api/v1/devices/" + device + "/returned", "{}").statusCode())
        .isEqualTo(404);

    var user = fixtures.user(collective, Role.LEADER);
    Http browser = http();
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/care/trainings").body())
        .contains("Video calls on a phone", "2 attended");
    assertThat(browser.get("/care/livelihoods").body())
        .contains("Fruit or vegetable stall", "Running");
    assertThat(browser.get("/care/devices").body()).contains("Smartphone", asha[1]);

    assertThat(admin.erase(asha[0])).isEqualTo(204);
    assertThat(Json.list(leader.get("/api/v1/livelihoods").body(), "$")).isEmpty();
    assertThat(Json.list(leader.get("/api/v1/devices").body(), "$")).isEmpty();
    assertThat(Json.list(leader.get("/api/v1/trainings").body(), "$[*].attended"))
        .containsExactly(1);
  }
}
