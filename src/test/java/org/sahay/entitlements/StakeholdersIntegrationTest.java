package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.funds.FundsClient;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StakeholdersIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void theAdvocacyLogKeepsContactsSealedAndFollowUpsInView() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    String token = http().token(admin.username(), admin.password());
    Entitled api = new Entitled(http(), token);
    var created =
        api.post(
            "/api/v1/stakeholders",
            "{\"kind\":\"DISTRICT_ADMINISTRATION\",\"name\":\"Guntur collectorate\","
                + "\"district\":\"Guntur\"}",
            "Idempotency-Key",
            "stakeholder-" + collective.shortCode().value());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Json.text(created.body(), "$.id");
    String base = "/api/v1/stakeholders/" + id;
    var contact =
        api.post(
            base + "/contacts",
            "{\"name\":\"Synthetic Officer Raoji\",\"phone\":\"90000 12345\","
                + "\"role\":\"Joint collector\"}");
    assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
    var badPhone = api.post(base + "/contacts", "{\"name\":\"X\",\"phone\":\"call me\"}");
    assertThat(Json.object(badPhone.body(), "$.errors")).containsOnlyKeys("phone");

    FundsClient funds = new FundsClient(http(), token);
    String donation =
        Json.text(
            funds.donate(funds.campaign("advocacy", false), 50_000, "2025-05-10").body(), "$.id");
    String followUp = LocalDate.now().plusDays(3).toString();
    var engaged =
        api.post(
            base + "/engagements",
            """
            {"kind":"MEETING","participants":"two leaders","demands":"Synthetic demand: rations",
             "commitments":"a camp next week","followUpOn":"%s","donation":"%s"}
            """
                .formatted(followUp, donation));
    assertThat(engaged.statusCode()).as(engaged.body()).isEqualTo(200);
    String page = api.get(base).body();
    assertThat(Json.text(page, "$.contacts[0].name")).isEqualTo("Synthetic Officer Raoji");
    assertThat(Json.text(page, "$.engagements[0].demands")).isEqualTo("Synthetic demand: rations");
    assertThat(Json.text(page, "$.engagements[0].donation")).isEqualTo(donation);

    String due = api.get("/api/v1/engagements").body();
    assertThat(Json.list(due, "$[*].stakeholder")).containsExactly("Guntur collectorate");
    String engagement = Json.text(due, "$[0].engagement.id");
    assertThat(api.post("/api/v1/engagements/" + engagement + "/followed-up", "{}").statusCode())
        .isEqualTo(204);
    assertThat(Json.list(api.get("/api/v1/engagements").body(), "$")).isEmpty();

    for (String table : new String[] {"stakeholder_contact", "engagement"}) {
      for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
        for (Object value : row.values()) {
          String text =
              value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.ISO_8859_1)
                  : String.valueOf(value);
          assertThat(text).doesNotContain("Raoji", "90000", "12345", "Synthetic demand");
        }
      }
    }

    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var otherAdmin = fixtures.user(other, Role.ORG_ADMIN);
    String otherToken = http().token(otherAdmin.username(), otherAdmin.password());
    Entitled stranger = new Entitled(http(), otherToken);
    assertThat(stranger.get(base).statusCode()).isEqualTo(404);
    assertThat(stranger.post(base + "/contacts", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/stakeholders").body()).doesNotContain("Guntur collectorate");
    FundsClient theirFunds = new FundsClient(http(), otherToken);
    String theirs =
        Json.text(
            theirFunds.donate(theirFunds.campaign("theirs", false), 10_000, "2025-05-10").body(),
            "$.id");
    var foreign =
        api.post(
            base + "/engagements", "{\"kind\":\"CALL\",\"donation\":\"%s\"}".formatted(theirs));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(Json.object(foreign.body(), "$.errors")).containsOnlyKeys("donation");

    Http browser = http();
    browser.signIn(admin.username(), admin.password());
    assertThat(browser.get("/entitlements/stakeholders").body())
        .contains("Guntur collectorate", "District administration");
    assertThat(browser.get("/entitlements/stakeholders/" + id).body())
        .contains("Synthetic Officer Raoji", "Joint collector", "a camp next week");
  }
}
