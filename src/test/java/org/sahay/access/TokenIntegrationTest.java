package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void aTokenFromBasicCredentialsOpensTheApi() {
    var organisation = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(organisation, Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());

    var me = http.get("/api/v1/me", "Authorization", Http.bearer(token));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"username\":\"" + leader.username() + "\"")
        .contains(organisation.id().toString())
        .contains("\"roles\":[\"LEADER\"]");
  }

  @Test
  void wrongBasicCredentialsGetNoToken() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    var response =
        http()
            .postJson(
                "/api/v1/tokens",
                "{}",
                "Authorization",
                Http.basic(leader.username(), "not-it-at-all"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("token\":\"sahay_");
  }

  @Test
  void basicCredentialsOpenNothingButTokenCreation() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    var response =
        http().get("/api/v1/me", "Authorization", Http.basic(leader.username(), leader.password()));
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void unknownAndRevokedTokensFail() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer("sahay_madeup")).statusCode())
        .isEqualTo(401);
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token + "x")).statusCode())
        .isEqualTo(401);

    http.signIn(leader.username(), leader.password());
    String tokenId =
        jdbc.sql("select id from api_token where token_hash = :h")
            .param("h", org.sahay.access.internal.ApiTokenStoreProbe.hash(token))
            .query(String.class)
            .single();
    var revoke = http.postForm("/account/tokens/" + tokenId + "/revoke", Map.of(), "/account");
    assertThat(revoke.statusCode()).isEqualTo(302);
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTokensLastUseIsRecordedAtItsFirstUseAndNotOnEveryRequest() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    var lastUsed =
        jdbc.sql("select last_used_at from api_token where token_hash = :h")
            .param("h", org.sahay.access.internal.ApiTokenStoreProbe.hash(token));
    assertThat(lastUsed.query(java.time.OffsetDateTime.class).optional()).isEmpty();
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(200);
    var first = lastUsed.query(java.time.OffsetDateTime.class).single();
    assertThat(first).isNotNull();
    // Within the minute, more requests leave the row alone: no hot row for phones sharing a token.
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(200);
    assertThat(lastUsed.query(java.time.OffsetDateTime.class).single()).isEqualTo(first);
  }

  @Test
  void aDeactivatedUsersTokensStopWorking() {
    var organisation = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(organisation, Role.ORG_ADMIN);
    var leader = fixtures.user(organisation, Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    http.signIn(admin.username(), admin.password());
    http.postForm(
        "/users/" + leader.actor().id() + "/deactivate",
        Map.of(),
        "/organisations/" + organisation.id() + "/users");
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void noTokenIsStoredInClear() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    String token = http().token(leader.username(), leader.password());
    List<Map<String, Object>> rows = jdbc.sql("select * from api_token").query().listOfRows();
    assertThat(rows).isNotEmpty();
    for (Map<String, Object> row : rows) {
      for (Object value : row.values()) {
        assertThat(String.valueOf(value)).doesNotContain(token).doesNotContain(token.substring(6));
      }
    }
    List<Map<String, Object>> replays =
        jdbc.sql("select * from idempotency_record").query().listOfRows();
    for (Map<String, Object> row : replays) {
      assertThat(String.valueOf(row.get("response_body"))).doesNotContain(token);
    }
  }

  @Test
  void tokensCanBeCreatedListedAndRevokedInThePages() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    var created = http.postForm("/account/tokens", Map.of("name", "field phone"), "/account");
    assertThat(created.statusCode()).isEqualTo(302);
    String page = http.get("/account").body();
    assertThat(page).contains("field phone").contains("id=\"new-token\"");
    var matcher = java.util.regex.Pattern.compile("(sahay_[A-Za-z0-9_-]{43})").matcher(page);
    assertThat(matcher.find()).isTrue();
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(matcher.group(1))).statusCode())
        .isEqualTo(200);
    // Shown once only.
    assertThat(http.get("/account").body()).doesNotContain(matcher.group(1));
  }
}
