package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.organisations.OrganisationKind;
import org.sahay.registry.RegistryAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecurityIntegrationTest extends IntegrationTest {

  @Autowired private AccessPolicy accessPolicy;
  @Autowired private JdbcClient jdbc;

  @Test
  void anonymousUsersReachOnlySignInHealthQuickExitAndStaticFiles() {
    Http anonymous = http();
    assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/css/sahay.css").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/quick-exit").statusCode()).isEqualTo(302);

    for (String page :
        new String[] {"/", "/organisations", "/account", "/audit", "/audit/verify"}) {
      var response = anonymous.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
    for (String api :
        new String[] {"/api/v1/me", "/v3/api-docs", "/actuator/metrics", "/actuator/flyway"}) {
      assertThat(anonymous.get(api).statusCode()).as(api).isEqualTo(401);
    }
  }

  @Test
  void apiRefusalsAreProblemDetailsWithALocalisedTitle() {
    var response = http().get("/api/v1/me", "Accept-Language", "te");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"");
    assertThat(response.body()).doesNotContain("Sign-in needed");
  }

  @Test
  void actuatorBeyondHealthIsForSystemAdminsOnly() {
    var admin = fixtures.systemAdmin();
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http http = http();
    String adminToken = http.token(admin.username(), admin.password());
    String leaderToken = http.token(leader.username(), leader.password());
    assertThat(http.get("/actuator/metrics", "Authorization", Http.bearer(adminToken)).statusCode())
        .isEqualTo(200);
    assertThat(
            http.get("/actuator/metrics", "Authorization", Http.bearer(leaderToken)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void formsWithoutCsrfTokenAreRefused() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    assertThat(
            http.postForm(
                    "/login",
                    Map.of("username", user.username(), "password", user.password()),
                    null)
                .statusCode())
        .isEqualTo(403);
    assertThat(http.signIn(user.username(), user.password()).statusCode()).isEqualTo(302);
    var withoutToken = http.postForm("/account/tokens", Map.of("name", "forged"), null);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    var withToken = http.postForm("/account/tokens", Map.of("name", "mine"), "/account");
    assertThat(withToken.statusCode()).isEqualTo(302);
  }

  @Test
  void pagesCarryTheSecurityHeaders() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(user.username(), user.password());
    var page = http.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    var headers = page.headers();
    String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(headers.firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    var response = http().signIn(user.username(), user.password());
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void staticFilesAreVersionedAndCachedForLong() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(user.username(), user.password());
    String page = http.get("/").body();
    var matcher =
        java.util.regex.Pattern.compile("href=\"(/css/sahay-[0-9a-f]{32}\\.css)\"").matcher(page);
    assertThat(matcher.find()).isTrue();
    var css = http.get(matcher.group(1), "Accept-Encoding", "gzip");
    assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
    assertThat(css.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(page).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void repeatedFailuresLockTheAccountWithAClearMessage() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    for (int i = 0; i < 5; i++) {
      var failed = http.signIn(user.username(), "wrong-password-" + i);
      assertThat(failed.headers().firstValue("Location").orElse("")).contains("/login?error");
    }
    var locked = http.signIn(user.username(), user.password());
    assertThat(locked.headers().firstValue("Location").orElse("")).contains("/login?locked=");
    String page = http.get("/login?locked=15").body();
    assertThat(page).contains("Too many failed attempts").contains("15 minutes");
    // The API refuses the locked account too.
    var api =
        http.postJson(
            "/api/v1/tokens", "{}", "Authorization", Http.basic(user.username(), user.password()));
    assertThat(api.statusCode()).isEqualTo(401);
  }

  @Test
  void anOutsiderBehindAProxyLocksOnlyItsOwnAddressAndAnAdminCanUnlock() {
    var org = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(org, Role.LEADER);
    var admin = fixtures.user(org, Role.ORG_ADMIN);
    Http http = http();
    // Requests reach Sahay through a proxy on the loopback network, which names the client.
    String outsider = "203.0.113." + (int) (Math.random() * 250);
    String owner = "198.51.100." + (int) (Math.random() * 250);
    for (int i = 0; i < 6; i++) {
      var failed =
          http.postJson(
              "/api/v1/tokens",
              "{}",
              "Authorization",
              Http.basic(user.username(), "wrong-password-" + i),
              "X-Forwarded-For",
              outsider);
      assertThat(failed.statusCode()).isEqualTo(401);
    }
    var right = Http.basic(user.username(), user.password());
    assertThat(
            http.postJson(
                    "/api/v1/tokens", "{}", "Authorization", right, "X-Forwarded-For", outsider)
                .statusCode())
        .as("the outsider's address is locked for this account")
        .isEqualTo(401);
    assertThat(
            http.postJson("/api/v1/tokens", "{}", "Authorization", right, "X-Forwarded-For", owner)
                .statusCode())
        .as("the owner signs in from their own address")
        .isEqualTo(201);

    Http adminHttp = http();
    adminHttp.signIn(admin.username(), admin.password());
    String page = adminHttp.get("/organisations/" + org.id() + "/users").body();
    assertThat(page).contains("Sign-in locked").contains("/users/" + user.actor().id() + "/unlock");
    var unlocked =
        adminHttp.postForm(
            "/users/" + user.actor().id() + "/unlock",
            Map.of(),
            "/organisations/" + org.id() + "/users");
    assertThat(unlocked.statusCode()).isEqualTo(302);
    assertThat(adminHttp.get("/organisations/" + org.id() + "/users").body())
        .contains("Sign-in is unlocked for this user.")
        .doesNotContain("Sign-in locked");
    assertThat(
            http.postJson(
                    "/api/v1/tokens", "{}", "Authorization", right, "X-Forwarded-For", outsider)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'USER_UNLOCKED' and entity_id = :id")
                .param("id", user.actor().id().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void failuresCountAgainstAnAddressAloneOnlyWhenATrustedProxyNamedTheClient() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String named = "203.0.113." + (int) (Math.random() * 250);
    // Through a proxy on the loopback network that names the client: counted for that address.
    http.postJson(
        "/api/v1/tokens",
        "{}",
        "Authorization",
        Http.basic(user.username(), "wrong-password"),
        "X-Forwarded-For",
        named);
    // Straight from the loopback address, as through a proxy that names nobody: not counted
    // against the address, which everyone behind such a proxy would share.
    http.postJson("/api/v1/tokens", "{}", "Authorization", Http.basic(user.username(), "wrong"));
    http.signIn(user.username(), "wrong-password-on-the-form");

    assertThat(addressRows(named)).isEqualTo(1);
    assertThat(addressRows("127.0.0.1") + addressRows("0:0:0:0:0:0:0:1")).isZero();
  }

  private long addressRows(String address) {
    return jdbc.sql("select count(*) from login_throttle where throttle_key = :k")
        .param("k", "address:" + address)
        .query(Long.class)
        .single();
  }

  @Test
  void aNewPasswordEndsTheTokensMadeWithTheOldOne() {
    var user = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String token = http.token(user.username(), user.password());
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(200);
    http.signIn(user.username(), user.password());
    var changed =
        http.postForm(
            "/account/password",
            Map.of(
                "current", user.password(),
                "password", "river-lantern-5531",
                "confirm", "river-lantern-5531"),
            "/account");
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(http.get("/account").body()).contains("your API tokens no longer work");
    assertThat(http().get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anAdminCannotSeeOrChangeAnotherOrganisationsUsers() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var theirs = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(ours, Role.ORG_ADMIN);
    var stranger = fixtures.user(theirs, Role.LEADER);
    Http http = http();
    http.signIn(admin.username(), admin.password());

    assertThat(http.get("/organisations/" + ours.id() + "/users").statusCode()).isEqualTo(200);
    assertThat(http.get("/organisations/" + theirs.id() + "/users").statusCode()).isEqualTo(404);
    var deactivate =
        http.postForm(
            "/users/" + stranger.actor().id() + "/deactivate",
            Map.of(),
            "/organisations/" + ours.id() + "/users");
    assertThat(deactivate.statusCode()).isEqualTo(404);

    String token = http.token(admin.username(), admin.password());
    var create =
        http.postJson(
            "/api/v1/organisations/" + theirs.id() + "/users",
            "{\"username\":\"intruder.x\",\"password\":\"violet-harbour-7731\",\"roles\":[\"ORG_ADMIN\"]}",
            "Authorization",
            Http.bearer(token));
    assertThat(create.statusCode()).isEqualTo(404);
    assertThat(create.body()).doesNotContain(theirs.name());
  }

  @Test
  void aSystemAdminGetsNoImplicitAccessToMemberData() {
    var admin = fixtures.systemAdmin();
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    assertThat(accessPolicy.decide(admin.actor(), RegistryAction.MEMBER_READ, collective.id()))
        .isEqualTo(AccessPolicy.Decision.HIDDEN);
    assertThat(accessPolicy.decide(admin.actor(), AccessAction.SENSITIVE_READ, collective.id()))
        .isEqualTo(AccessPolicy.Decision.HIDDEN);
  }
}
