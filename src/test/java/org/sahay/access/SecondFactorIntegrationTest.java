package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures.TestUser;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.internal.SecondFactorCodes;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A code from an authenticator app after the password: turned on by the user, asked at every
 * sign-in before any page, used once, five wrong codes end the sign-in; required (with enrolment
 * forced first) for those who may read sensitive data, and asked when an API token is made.
 */
class SecondFactorIntegrationTest extends IntegrationTest {

  private static final Pattern KEY = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>");

  @Autowired SecondFactors factors;
  @Autowired JdbcClient jdbc;

  @Test
  void aLeaderWhoTurnsItOnIsAskedForACodeBeforeAnythingAndEachCodeWorksOnce() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    TestUser leader = fixtures.user(collective, Role.LEADER);
    Http first = http();
    assertThat(location(first.signIn(leader.username(), leader.password()))).endsWith("/");
    byte[] secret = enrol(first);
    assertThat(first.get("/account/second-factor").body()).contains("each sign-in asks");
    String stored =
        jdbc.sql("select secret from user_second_factor where user_id = :u")
            .param("u", leader.actor().id().value())
            .query(
                (rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
            .single();
    assertThat(stored).doesNotContain(SecondFactorCodes.base32(secret));

    Http phone = http();
    assertThat(location(phone.signIn(leader.username(), leader.password())))
        .endsWith("/login/code");
    assertThat(location(phone.get("/members"))).endsWith("/login/code");
    assertThat(location(phone.get("/account"))).endsWith("/login/code");
    assertThat(phone.postForm("/account/tokens", Map.of("name", "x"), "/login/code").statusCode())
        .isEqualTo(403);
    var wrong = phone.postForm("/login/code", Map.of("code", "000000"), "/login/code");
    assertThat(location(wrong)).endsWith("/login/code");
    assertThat(phone.get("/login/code").body()).contains("did not fit");

    String next = codeOf(secret, 1);
    assertThat(location(phone.postForm("/login/code", Map.of("code", next), "/login/code")))
        .endsWith("/");
    assertThat(phone.get("/").statusCode()).isEqualTo(200);

    // The same code a second time, from another sign-in, is refused.
    Http replay = http();
    replay.signIn(leader.username(), leader.password());
    assertThat(location(replay.postForm("/login/code", Map.of("code", next), "/login/code")))
        .endsWith("/login/code");

    // Five wrong codes end the sign-in: the password is asked again.
    Http guesser = http();
    guesser.signIn(leader.username(), leader.password());
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = guesser.postForm("/login/code", Map.of("code", "12345" + i), "/login/code");
    }
    assertThat(location(last)).contains("/login?error");
    assertThat(location(guesser.get("/"))).contains("/login");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'SECOND_FACTOR_FAILED'"
                        + " and actor = :u")
                .param("u", leader.username())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(6);

    // A token for the API asks for the code too.
    var noCode =
        http()
            .postJson(
                "/api/v1/tokens",
                "{\"name\":\"phone\"}",
                "Authorization",
                Http.basic(leader.username(), leader.password()));
    assertThat(noCode.statusCode()).isEqualTo(401);
    assertThat(noCode.body()).contains("X-Sahay-Second-Factor");
  }

  @Test
  void tenWrongCodesShutTheDoorForAQuarterHourWhateverTheSignInsAndEvenToTheRightCode() {
    TestUser leader =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http first = http();
    first.signIn(leader.username(), leader.password());
    byte[] secret = enrol(first);
    for (int signIn = 0; signIn < 2; signIn++) {
      Http guesser = http();
      guesser.signIn(leader.username(), leader.password());
      for (int i = 0; i < 5; i++) {
        guesser.postForm("/login/code", Map.of("code", "99999" + i), "/login/code");
      }
    }
    Http owner = http();
    owner.signIn(leader.username(), leader.password());
    var right = owner.postForm("/login/code", Map.of("code", codeOf(secret, 1)), "/login/code");
    assertThat(location(right)).endsWith("/login/code");
    assertThat(location(owner.get("/"))).endsWith("/login/code");
  }

  @Test
  void whenRequiredACounsellorMustEnrolBeforeAnythingAndCannotTurnItOff() {
    SecondFactors target = AopTestUtils.getTargetObject(factors);
    ReflectionTestUtils.setField(target, "mode", SecondFactors.Mode.REQUIRED);
    try {
      var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
      TestUser counsellor = fixtures.user(collective, Role.COUNSELLOR);
      TestUser leader = fixtures.user(collective, Role.LEADER);

      Http leaderPhone = http();
      assertThat(location(leaderPhone.signIn(leader.username(), leader.password()))).endsWith("/");

      var token =
          http()
              .postJson(
                  "/api/v1/tokens",
                  "{\"name\":\"phone\"}",
                  "Authorization",
                  Http.basic(counsellor.username(), counsellor.password()));
      assertThat(token.statusCode()).isEqualTo(401);
      assertThat(token.body()).contains("account page first");

      Http phone = http();
      assertThat(location(phone.signIn(counsellor.username(), counsellor.password())))
          .endsWith("/login/code");
      assertThat(location(phone.get("/login/code"))).endsWith("/account/second-factor");
      assertThat(location(phone.get("/"))).endsWith("/login/code");
      String page = phone.get("/account/second-factor").body();
      assertThat(page).contains("you must add a code");
      byte[] secret = secretOn(page);
      var done =
          phone.postForm(
              "/account/second-factor",
              Map.of("code", codeOf(secret, 0)),
              "/account/second-factor");
      assertThat(location(done)).endsWith("/");
      assertThat(phone.get("/").statusCode()).isEqualTo(200);

      var off =
          phone.postForm(
              "/account/second-factor/off",
              Map.of("code", codeOf(secret, 1)),
              "/account/second-factor");
      assertThat(location(off)).endsWith("/account/second-factor");
      assertThat(phone.get("/account/second-factor").body()).contains("It stays on");
      assertThat(factors.enrolled(counsellor.actor())).isTrue();

      var withCode =
          http()
              .postJson(
                  "/api/v1/tokens",
                  "{\"name\":\"phone\"}",
                  "Authorization",
                  Http.basic(counsellor.username(), counsellor.password()),
                  "X-Sahay-Second-Factor",
                  codeOf(secret, 1));
      assertThat(withCode.statusCode()).isEqualTo(201);

      // Her phone is lost: another collective's admin cannot remove her factor, her own admin can.
      String reset = "/users/" + counsellor.actor().id() + "/reset-second-factor";
      TestUser stranger =
          fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
      Http strangerPage = http();
      strangerPage.signIn(stranger.username(), stranger.password());
      // (The stranger admin must enrol first too; even then the answer is "no such user".)
      byte[] strangerSecret = secretOn(strangerPage.get("/account/second-factor").body());
      strangerPage.postForm(
          "/account/second-factor",
          Map.of("code", codeOf(strangerSecret, 0)),
          "/account/second-factor");
      assertThat(strangerPage.postForm(reset, Map.of(), "/account").statusCode()).isEqualTo(404);
      assertThat(factors.enrolled(counsellor.actor())).isTrue();

      TestUser admin = fixtures.user(collective, Role.ORG_ADMIN);
      Http adminPage = http();
      adminPage.signIn(admin.username(), admin.password());
      byte[] adminSecret = secretOn(adminPage.get("/account/second-factor").body());
      adminPage.postForm(
          "/account/second-factor",
          Map.of("code", codeOf(adminSecret, 0)),
          "/account/second-factor");
      assertThat(adminPage.postForm(reset, Map.of(), "/account").statusCode()).isEqualTo(302);
      assertThat(factors.enrolled(counsellor.actor())).isFalse();
      assertThat(location(phone.get("/"))).contains("/login");
    } finally {
      ReflectionTestUtils.setField(target, "mode", SecondFactors.Mode.OPTIONAL);
    }
  }

  private static byte[] enrol(Http signedIn) {
    byte[] secret = secretOn(signedIn.get("/account/second-factor").body());
    var on =
        signedIn.postForm(
            "/account/second-factor", Map.of("code", codeOf(secret, 0)), "/account/second-factor");
    assertThat(location(on)).endsWith("/account/second-factor");
    return secret;
  }

  private static byte[] secretOn(String page) {
    Matcher m = KEY.matcher(page);
    assertThat(m.find()).as("the key is shown").isTrue();
    return SecondFactorCodes.fromBase32(m.group(1));
  }

  /** The code of the current step plus {@code ahead} (the window takes one step either side). */
  private static String codeOf(byte[] secret, int ahead) {
    long step = Math.floorDiv(Instant.now().getEpochSecond(), 30) + ahead;
    return SecondFactorCodes.code(secret, step, 6);
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("location")
        .orElse("(none: " + response.statusCode() + ")");
  }
}
