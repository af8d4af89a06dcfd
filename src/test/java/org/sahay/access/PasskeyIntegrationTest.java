package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures.TestUser;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.internal.PasskeyStore;
import org.sahay.access.internal.PasskeyUsers;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * Passkeys over HTTP, where no authenticator is needed to try to break in: a sign-in's challenge
 * leaves no session behind and needs the sign-in page's CSRF token; answers that are not a
 * passkey's are refused without a session; adding a passkey needs the challenge this session was
 * given, once, and a name; nobody removes another user's passkey. (A real authenticator's passkey
 * is made and used in {@link PasskeyBrowserIntegrationTest}.)
 */
class PasskeyIntegrationTest extends IntegrationTest {

  private static final String NOT_A_PASSKEY =
      """
      {"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"authenticatorData":"AAAA",
      "clientDataJSON":"AAAA","signature":"AAAA"},"clientExtensionResults":{}}""";

  @Autowired JdbcClient jdbc;
  @Autowired PasskeyUsers handles;
  @Autowired PasskeyStore store;

  @Test
  void aSignInChallengeNeedsTheFormsTokenAndLeavesNoSessionBehind() {
    long sessions = sessions();
    Http visitor = http();
    String csrf = visitor.csrf("/login");

    assertThat(visitor.send("POST", "/webauthn/authenticate/options", null).statusCode())
        .isEqualTo(403);
    HttpResponse<String> options =
        visitor.send("POST", "/webauthn/authenticate/options", null, "X-XSRF-TOKEN", csrf);
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.body())
        .contains("\"rpId\":\"localhost\"", "\"userVerification\":\"required\"", "\"challenge\"");
    List<String> cookies = options.headers().allValues("set-cookie");
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("SAHAY_PASSKEY=")
                    .contains("Path=/login/webauthn", "HttpOnly", "SameSite=Strict"));
    assertThat(cookies).noneMatch(c -> c.startsWith("SESSION="));

    HttpResponse<String> answer =
        visitor.postJson("/login/webauthn", NOT_A_PASSKEY, "X-XSRF-TOKEN", csrf);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("SESSION="));
    // Without a challenge of this visitor's (the one above was used up): refused the same way.
    assertThat(
            visitor.postJson("/login/webauthn", NOT_A_PASSKEY, "X-XSRF-TOKEN", csrf).statusCode())
        .isEqualTo(401);
    assertThat(visitor.get("/account").statusCode()).isEqualTo(302);
    assertThat(sessions()).isEqualTo(sessions);
  }

  @Test
  void addingAPasskeyNeedsThisSessionsChallengeOnceAndAName() {
    TestUser leader =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http phone = http();
    phone.signIn(leader.username(), leader.password());
    String csrf = phone.csrf("/account");
    String registration =
        """
        {"publicKey":{"label":"%s","credential":{"id":"AAAA","rawId":"AAAA","type":"public-key",
        "response":{"attestationObject":"AAAA","clientDataJSON":"AAAA","transports":[]},
        "clientExtensionResults":{}}}}""";

    HttpResponse<String> unasked =
        phone.postJson("/account/passkeys", registration.formatted("Phone"), "X-XSRF-TOKEN", csrf);
    assertThat(unasked.statusCode()).isEqualTo(400);
    assertThat(unasked.body()).contains("took too long");

    HttpResponse<String> options =
        phone.send("POST", "/account/passkeys/options", null, "X-XSRF-TOKEN", csrf);
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.body())
        .contains(
            "\"userVerification\":\"required\"",
            "\"residentKey\":\"required\"",
            "\"attestation\":\"none\"",
            "\"name\":\"" + leader.username() + "\"");
    HttpResponse<String> nameless =
        phone.postJson("/account/passkeys", registration.formatted(" "), "X-XSRF-TOKEN", csrf);
    assertThat(nameless.statusCode()).isEqualTo(400);
    assertThat(nameless.body()).contains("a name of up to 60 characters");

    phone.send("POST", "/account/passkeys/options", null, "X-XSRF-TOKEN", csrf);
    HttpResponse<String> forged =
        phone.postJson("/account/passkeys", registration.formatted("Phone"), "X-XSRF-TOKEN", csrf);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("was not added");
    HttpResponse<String> again =
        phone.postJson("/account/passkeys", registration.formatted("Phone"), "X-XSRF-TOKEN", csrf);
    assertThat(again.body()).contains("took too long");
    assertThat(phone.postJson("/account/passkeys", "{", "X-XSRF-TOKEN", csrf).statusCode())
        .isEqualTo(400);

    assertThat(passkeysOf(leader)).isZero();

    // A challenge given to one user is no one else's, even in the same session.
    TestUser other = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    phone.send("POST", "/account/passkeys/options", null, "X-XSRF-TOKEN", csrf);
    // Signing in again over a signed-in session (its CSRF token from a page it can see).
    phone.postForm(
        "/login",
        java.util.Map.of("username", other.username(), "password", other.password()),
        "/account");
    String otherCsrf = phone.csrf("/account");
    assertThat(phone.get("/account").body()).contains(other.username());
    assertThat(
            phone
                .postJson(
                    "/account/passkeys", registration.formatted("Phone"), "X-XSRF-TOKEN", otherCsrf)
                .body())
        .contains("took too long");

    Http stranger = http();
    assertThat(
            stranger
                .send("POST", "/account/passkeys/options", null, "X-XSRF-TOKEN", "x")
                .statusCode())
        .isIn(302, 403);
  }

  @Test
  void nobodyRemovesAnotherUsersPasskey() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    TestUser owner = fixtures.user(collective, Role.LEADER);
    TestUser admin = fixtures.user(collective, Role.ORG_ADMIN);
    UUID id = seedPasskey(owner);

    Http other = http();
    other.signIn(admin.username(), admin.password());
    var refused =
        other.postForm("/account/passkeys/" + id + "/remove", java.util.Map.of(), "/account");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(passkeysOf(owner)).isEqualTo(1);
    assertThat(other.get("/account").body()).doesNotContain("Seeded phone");

    Http own = http();
    own.signIn(owner.username(), owner.password());
    assertThat(own.get("/account").body()).contains("Seeded phone");
    own.postForm("/account/passkeys/" + id + "/remove", java.util.Map.of(), "/account");
    assertThat(passkeysOf(owner)).isZero();
  }

  /** A passkey as registration stores it, through the store the relying party writes with. */
  private UUID seedPasskey(TestUser user) {
    Bytes handle = handles.handleOf(user.username()).getId();
    Bytes credential = Bytes.random();
    store.save(
        ImmutableCredentialRecord.builder()
            .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
            .credentialId(credential)
            .userEntityUserId(handle)
            .label("Seeded phone")
            .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
            .signatureCount(0)
            .uvInitialized(true)
            .backupEligible(true)
            .backupState(true)
            .transports(Set.of(AuthenticatorTransport.INTERNAL))
            .attestationObject(new Bytes(new byte[] {4, 5, 6}))
            .created(Instant.now())
            .lastUsed(Instant.now())
            .build());
    return store.idOf(credential).orElseThrow();
  }

  private long passkeysOf(TestUser user) {
    return jdbc.sql("select count(*) from passkey_credential where user_id = :u")
        .param("u", user.actor().id().value())
        .query(Long.class)
        .single();
  }

  private long sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }
}
