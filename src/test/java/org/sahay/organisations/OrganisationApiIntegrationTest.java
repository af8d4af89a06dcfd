package org.sahay.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;

class OrganisationApiIntegrationTest extends IntegrationTest {

  @Test
  void aSystemAdminCreatesAnOrganisationAndItsAdminWhoThenAddsALeader() {
    var admin = fixtures.systemAdmin();
    Http http = http();
    String token = http.token(admin.username(), admin.password());
    String code = Fixtures.shortCode();
    var created =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"Krishna Collective\",\"kind\":\"COLLECTIVE\",\"state\":\"Andhra Pradesh\","
                + "\"district\":\"Krishna\",\"shortCode\":\""
                + code
                + "\",\"defaultLanguage\":\"te\",\"timeZone\":\"Asia/Kolkata\"}",
            "Authorization",
            Http.bearer(token));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Json.text(created.body(), "$.shortCode")).isEqualTo(code);
    assertThat(Json.text(created.body(), "$.id")).matches("[0-9a-f-]{36}");
    String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    String orgAdmin = Fixtures.uniqueName("admin");
    var user =
        http.postJson(
            "/api/v1/organisations/" + id + "/users",
            "{\"username\":\""
                + orgAdmin
                + "\",\"password\":\""
                + Fixtures.PASSWORD
                + "\",\"roles\":[\"ORG_ADMIN\"]}",
            "Authorization",
            Http.bearer(token));
    assertThat(user.statusCode()).isEqualTo(201);
    assertThat(user.body()).doesNotContain(Fixtures.PASSWORD);

    String adminToken = http.token(orgAdmin, Fixtures.PASSWORD);
    var me = http.get("/api/v1/me", "Authorization", Http.bearer(adminToken));
    assertThat(me.body()).contains(id).contains("ORG_ADMIN").contains("Krishna Collective");
    var leader =
        http.postJson(
            "/api/v1/organisations/" + id + "/users",
            "{\"username\":\""
                + Fixtures.uniqueName("leader")
                + "\",\"password\":\""
                + Fixtures.PASSWORD
                + "\",\"roles\":[\"LEADER\"]}",
            "Authorization",
            Http.bearer(adminToken));
    assertThat(leader.statusCode()).isEqualTo(201);
  }

  @Test
  void onlySystemAdminsCreateOrganisations() {
    var orgAdmin =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http http = http();
    String token = http.token(orgAdmin.username(), orgAdmin.password());
    var refused =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"Mine\",\"kind\":\"COLLECTIVE\",\"state\":\"S\",\"district\":\"D\","
                + "\"shortCode\":\""
                + Fixtures.shortCode()
                + "\"}",
            "Authorization",
            Http.bearer(token));
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void invalidInputIsExplainedPerFieldInTheCallersLanguage() {
    var admin = fixtures.systemAdmin();
    Http http = http();
    String token = http.token(admin.username(), admin.password());
    var refused =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"\",\"kind\":\"SHOP\",\"shortCode\":\"1\",\"timeZone\":\"Mars/Base\"}",
            "Authorization",
            Http.bearer(token),
            "Accept-Language",
            "hi");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.object(refused.body(), "$.errors"))
        .containsKeys("name", "kind", "shortCode", "timeZone");
    assertThat(
            refused
                .body()
                .codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI))
        .isTrue();
    var malformed =
        http.postJson("/api/v1/organisations", "{not json", "Authorization", Http.bearer(token));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void aDuplicateShortCodeIsRefused() {
    var existing = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.systemAdmin();
    Http http = http();
    String token = http.token(admin.username(), admin.password());
    var refused =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"Copy\",\"kind\":\"COLLECTIVE\",\"state\":\"S\",\"district\":\"D\","
                + "\"shortCode\":\""
                + existing.shortCode().value().toLowerCase()
                + "\"}",
            "Authorization",
            Http.bearer(token));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("shortCode");
  }

  @Test
  void rolesMustFitTheKindOfOrganisation() {
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    var admin = fixtures.systemAdmin();
    Http http = http();
    String token = http.token(admin.username(), admin.password());
    assertThat(newUser(http, token, funder, "LEADER").statusCode()).isEqualTo(400);
    assertThat(newUser(http, token, funder, "SYSTEM_ADMIN").statusCode()).isEqualTo(400);
    assertThat(newUser(http, token, funder, "FUNDER_VIEWER").statusCode()).isEqualTo(201);
  }

  @Test
  void mentorStaffSeeTheCollectivesTheirOrganisationMentorsOnly() {
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    var mentored = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.systemAdmin();
    Http adminBrowser = http();
    adminBrowser.signIn(admin.username(), admin.password());
    var linked =
        adminBrowser.postForm(
            "/organisations/" + mentor.id() + "/links",
            Map.of("kind", "MENTOR_OF", "target", mentored.id().toString()),
            "/organisations/" + mentor.id());
    assertThat(linked.statusCode()).isEqualTo(302);

    var staff = fixtures.user(mentor, Role.MENTOR_STAFF);
    Http http = http();
    String token = http.token(staff.username(), staff.password());
    assertThat(
            http.get("/api/v1/organisations/" + mentored.id(), "Authorization", Http.bearer(token))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get("/api/v1/organisations/" + other.id(), "Authorization", Http.bearer(token))
                .statusCode())
        .isEqualTo(404);
  }

  private static java.net.http.HttpResponse<String> newUser(
      Http http, String token, Organisation organisation, String role) {
    return http.postJson(
        "/api/v1/organisations/" + organisation.id() + "/users",
        "{\"username\":\""
            + Fixtures.uniqueName("x")
            + "\",\"password\":\""
            + Fixtures.PASSWORD
            + "\",\"roles\":[\""
            + role
            + "\"]}",
        "Authorization",
        Http.bearer(token));
  }

  /**
   * What the pages could do and the API could not (issue 12 item 13): list organisations and an
   * organisation's users, and link organisations, under the same policy and idempotency.
   */
  @Test
  void organisationsLinksAndUsersThroughTheApiAsThePagesAllow() {
    var admin = fixtures.systemAdmin();
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    var stranger = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Http http = http();
    String system = http.token(admin.username(), admin.password());
    var orgAdmin = fixtures.user(collective, Role.ORG_ADMIN);
    var leader = fixtures.user(collective, Role.LEADER);
    String own = http.token(orgAdmin.username(), orgAdmin.password());
    String leaderToken = http.token(leader.username(), leader.password());

    assertThat(http.get("/api/v1/organisations", "Authorization", Http.bearer(system)).body())
        .contains(collective.id().toString(), funder.id().toString(), stranger.id().toString());
    String seenByOwn = http.get("/api/v1/organisations", "Authorization", Http.bearer(own)).body();
    assertThat(seenByOwn)
        .contains(collective.id().toString())
        .doesNotContain(stranger.id().toString());

    String links = "/api/v1/organisations/" + funder.id() + "/links";
    String body = "{\"kind\":\"FUNDER_OF\",\"to\":\"" + collective.id() + "\"}";
    assertThat(http.postJson(links, body, "Authorization", Http.bearer(own)).statusCode())
        .as("only a system admin links")
        .isEqualTo(403);
    String key = java.util.UUID.randomUUID().toString();
    var linked =
        http.postJson(links, body, "Authorization", Http.bearer(system), "Idempotency-Key", key);
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
    var replayed =
        http.postJson(links, body, "Authorization", Http.bearer(system), "Idempotency-Key", key);
    assertThat(replayed.statusCode()).isEqualTo(201);
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(http.postJson(links, body, "Authorization", Http.bearer(system)).statusCode())
        .as("linked already")
        .isEqualTo(200);
    var wrong =
        http.postJson(
            "/api/v1/organisations/" + collective.id() + "/links",
            "{\"kind\":\"MENTOR_OF\",\"to\":\"" + funder.id() + "\"}",
            "Authorization",
            Http.bearer(system));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Json.object(wrong.body(), "$.errors")).containsKey("kind");
    assertThat(
            http.postJson(
                    links,
                    "{\"kind\":\"FUNDER_OF\",\"to\":\"not-an-id\"}",
                    "Authorization",
                    Http.bearer(system))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.get(
                    "/api/v1/organisations/" + collective.id() + "/links",
                    "Authorization",
                    Http.bearer(own))
                .body())
        .satisfies(
            json ->
                assertThat(Json.list(json, "$[?(@.from == '" + funder.id() + "')].kind"))
                    .containsExactly("FUNDER_OF"));

    String users = "/api/v1/organisations/" + collective.id() + "/users";
    String listed = http.get(users, "Authorization", Http.bearer(own)).body();
    assertThat(listed)
        .contains(leader.username(), orgAdmin.username(), "\"lockedOut\":false")
        .doesNotContain("password");
    assertThat(http.get(users, "Authorization", Http.bearer(leaderToken)).statusCode())
        .isIn(403, 404);
    assertThat(
            http.get(
                    "/api/v1/organisations/" + stranger.id() + "/users",
                    "Authorization",
                    Http.bearer(own))
                .statusCode())
        .isIn(403, 404);
  }
}
