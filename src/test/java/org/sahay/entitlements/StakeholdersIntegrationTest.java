package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Plaintext;
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
    // Again is no change; an engagement that does not exist is not found.
    assertThat(api.post("/api/v1/engagements/" + engagement + "/followed-up", "{}").statusCode())
        .isEqualTo(204);
    assertThat(
            api.post("/api/v1/engagements/" + java.util.UUID.randomUUID() + "/followed-up", "{}")
                .statusCode())
        .isEqualTo(404);

    Plaintext.absent(
        jdbc,
        new String[] {"stakeholder_contact", "engagement"},
        "Raoji",
        "90000",
        "12345",
        "Synthetic demand");

    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var otherAdmin = fixtures.user(other, Role.ORG_ADMIN);
    String otherToken = http().token(otherAdmin.username(), otherAdmin.password());
    Entitled stranger = new Entitled(http(), otherToken);
    assertThat(stranger.get(base).statusCode()).isEqualTo(404);
    assertThat(stranger.post(base + "/contacts", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
    // Another collective's engagement answers as one that does not exist (it once said "done").
    assertThat(
            stranger.post("/api/v1/engagements/" + engagement + "/followed-up", "{}").statusCode())
        .isEqualTo(404);
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

  @Test
  void anEngagementLinksStockItBroughtInAndAContactCanBeErased() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    String token = http().token(leader.username(), leader.password());
    Entitled api = new Entitled(http(), token);
    String item =
        Json.text(
            api.post(
                    "/api/v1/items",
                    "{\"nameEn\":\"Rice\",\"nameTe\":\"బియ్యం\",\"unit\":\"KG\","
                        + "\"category\":\"FOOD\"}")
                .body(),
            "$.id");
    String store =
        Json.text(api.post("/api/v1/stock-locations", "{\"name\":\"Office\"}").body(), "$.id");
    var received =
        api.post(
            "/api/v1/stock-receipts",
            "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":250,\"source\":\"GOVERNMENT\"}"
                .formatted(store, item));
    assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
    String receipt = Json.text(received.body(), "$.id");
    String id =
        Json.text(
            api.post(
                    "/api/v1/stakeholders",
                    "{\"kind\":\"DISTRICT_ADMINISTRATION\",\"name\":\"Prakasam collectorate\"}")
                .body(),
            "$.id");
    String base = "/api/v1/stakeholders/" + id;
    var engaged =
        api.post(
            base + "/engagements", "{\"kind\":\"PETITION\",\"receipt\":\"%s\"}".formatted(receipt));
    assertThat(engaged.statusCode()).as(engaged.body()).isEqualTo(200);
    assertThat(Json.text(api.get(base).body(), "$.engagements[0].receipt")).isEqualTo(receipt);

    // Another collective's receipt, and words, are refused beside the field; nothing is saved.
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var otherLeader = fixtures.user(other, Role.LEADER);
    Entitled them =
        new Entitled(http(), http().token(otherLeader.username(), otherLeader.password()));
    String theirItem =
        Json.text(
            them.post("/api/v1/items", "{\"nameEn\":\"Dal\",\"unit\":\"KG\",\"category\":\"FOOD\"}")
                .body(),
            "$.id");
    String theirStore =
        Json.text(them.post("/api/v1/stock-locations", "{\"name\":\"Shed\"}").body(), "$.id");
    String theirs =
        Json.text(
            them.post(
                    "/api/v1/stock-receipts",
                    "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":5,\"source\":\"NETWORK\"}"
                        .formatted(theirStore, theirItem))
                .body(),
            "$.id");
    for (String wrong : new String[] {theirs, "a sack of rice"}) {
      var refused =
          api.post(
              base + "/engagements", "{\"kind\":\"CALL\",\"receipt\":\"%s\"}".formatted(wrong));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(Json.object(refused.body(), "$.errors")).containsOnlyKeys("receipt");
    }
    assertThat(Json.list(api.get(base).body(), "$.engagements")).hasSize(1);

    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    String page = browser.get("/entitlements/stakeholders/" + id).body();
    assertThat(page).contains("Stock it helped bring in", "250 · Government", receipt);

    api.post(
        base + "/contacts", "{\"name\":\"Synthetic Clerk Venkatji\",\"phone\":\"90000 55555\"}");
    String contact = Json.text(api.get(base).body(), "$.contacts[0].id");
    assertThat(them.delete(base + "/contacts/" + contact).statusCode()).isEqualTo(404);
    assertThat(api.delete(base + "/contacts/" + contact).statusCode()).isEqualTo(204);
    assertThat(Json.list(api.get(base).body(), "$.contacts")).isEmpty();
    assertThat(api.delete(base + "/contacts/" + contact).statusCode()).isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id = :id")
                .param("id", java.util.UUID.fromString(contact))
                .query(Long.class)
                .single())
        .isZero();
  }
}
