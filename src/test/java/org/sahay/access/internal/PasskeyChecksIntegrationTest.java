package org.sahay.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * The two checks Sahay adds to the relying party's: a sign-in challenge is answered once, within
 * its lifetime, and only from the sealed cookie it was given in; and a passkey's counter never goes
 * back (a copy of the key would answer with an old one).
 */
class PasskeyChecksIntegrationTest extends IntegrationTest {

  @Autowired Vault vault;
  @Autowired PasskeyStore store;
  @Autowired PasskeyUsers handles;
  @Autowired PasskeyRelyingParty party;

  @Test
  void aChallengeIsAnsweredOnceWithinItsLifetimeAndOnlyFromItsSealedCookie() {
    Clock clock = Clock.systemUTC();
    PasskeyChallenges challenges = new PasskeyChallenges(vault, store, party, clock);

    PublicKeyCredentialRequestOptions given = challenges.options(Bytes.random());
    String cookie = issue(challenges, given);
    PublicKeyCredentialRequestOptions loaded = challenges.load(request(cookie));
    assertThat(loaded.getChallenge()).isEqualTo(given.getChallenge());
    assertThat(loaded.getUserVerification()).isEqualTo(UserVerificationRequirement.REQUIRED);
    assertThat(loaded.getRpId()).isEqualTo("localhost");
    assertThat(challenges.load(request(cookie))).as("answered before").isNull();

    String late = issue(challenges, challenges.options(Bytes.random()));
    PasskeyChallenges sixMinutesOn =
        new PasskeyChallenges(vault, store, party, Clock.offset(clock, Duration.ofMinutes(6)));
    assertThat(sixMinutesOn.load(request(late))).as("expired").isNull();

    String fresh = issue(challenges, challenges.options(Bytes.random()));
    char last = fresh.charAt(fresh.length() - 2);
    String tampered =
        fresh.substring(0, fresh.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + fresh.charAt(fresh.length() - 1);
    assertThat(challenges.load(request(tampered))).as("tampered").isNull();
    assertThat(challenges.load(request("not base64 at all!"))).isNull();
    assertThat(challenges.load(new MockHttpServletRequest())).isNull();
    assertThat(challenges.load(request(fresh))).as("the untampered one still works").isNotNull();
  }

  @Test
  void aPasskeysCounterMovesOnlyForwardUnlessItIsAlwaysZero() {
    var user =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER).username();
    Bytes handle = handles.handleOf(user).getId();
    assertThat(handles.handleOf(user).getId()).as("one handle per user").isEqualTo(handle);

    CredentialRecord counting = record(handle, 5);
    store.save(counting);
    store.save(with(counting, 6));
    assertThat(store.findByCredentialId(counting.getCredentialId()).getSignatureCount())
        .isEqualTo(6);
    assertThatThrownBy(() -> store.save(with(counting, 6)))
        .isInstanceOf(PasskeyStore.CounterWentBack.class);
    assertThatThrownBy(() -> store.save(with(counting, 0)))
        .isInstanceOf(PasskeyStore.CounterWentBack.class);

    CredentialRecord synced = record(handle, 0);
    store.save(synced);
    store.save(with(synced, 0));
    store.save(with(synced, 0));
    assertThat(store.findByUserId(handle)).hasSize(2);
  }

  private static String issue(PasskeyChallenges challenges, PublicKeyCredentialRequestOptions o) {
    var response = new MockHttpServletResponse();
    challenges.save(new MockHttpServletRequest(), response, o);
    return response.getCookie(PasskeyChallenges.COOKIE).getValue();
  }

  private static MockHttpServletRequest request(String cookie) {
    var request = new MockHttpServletRequest();
    request.setCookies(new Cookie(PasskeyChallenges.COOKIE, cookie));
    return request;
  }

  private static CredentialRecord record(Bytes handle, long count) {
    return ImmutableCredentialRecord.builder()
        .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
        .credentialId(Bytes.random())
        .userEntityUserId(handle)
        .label("Test key")
        .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
        .signatureCount(count)
        .uvInitialized(true)
        .backupEligible(false)
        .backupState(false)
        .transports(Set.of(AuthenticatorTransport.USB))
        .attestationObject(new Bytes(new byte[] {4, 5, 6}))
        .created(Instant.now())
        .lastUsed(Instant.now())
        .build();
  }

  private static CredentialRecord with(CredentialRecord record, long count) {
    return ImmutableCredentialRecord.fromCredentialRecord(record)
        .signatureCount(count)
        .lastUsed(Instant.now())
        .build();
  }
}
