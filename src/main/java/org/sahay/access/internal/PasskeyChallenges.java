package org.sahay.access.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sahay.access.Passkeys;
import org.sahay.platform.Vault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/**
 * Where a passkey sign-in's challenge waits for its answer: in a cookie sealed under the master
 * key, not a session, so that visitors who are not signed in leave no session rows behind however
 * many sign-ins they start. A challenge is answered once (a table of the answered ones, kept until
 * they expire, holds on every node) and only within {@link Passkeys#CHALLENGE_LIFETIME}.
 */
final class PasskeyChallenges implements PublicKeyCredentialRequestOptionsRepository {

  static final String COOKIE = "SAHAY_PASSKEY";
  private static final String CONTEXT = "passkey-sign-in";
  private static final int CHALLENGE_BYTES = 32;

  private final Vault vault;
  private final PasskeyStore store;
  private final PasskeyRelyingParty party;
  private final Clock clock;

  PasskeyChallenges(Vault vault, PasskeyStore store, PasskeyRelyingParty party, Clock clock) {
    this.vault = vault;
    this.store = store;
    this.party = party;
    this.clock = clock;
  }

  @Override
  public void save(
      HttpServletRequest request,
      HttpServletResponse response,
      PublicKeyCredentialRequestOptions options) {
    ResponseCookie.ResponseCookieBuilder cookie;
    if (options == null) {
      cookie = ResponseCookie.from(COOKIE, "").maxAge(0);
    } else {
      byte[] challenge = options.getChallenge().getBytes();
      byte[] held =
          ByteBuffer.allocate(challenge.length + Long.BYTES)
              .put(challenge)
              .putLong(clock.millis())
              .array();
      cookie =
          ResponseCookie.from(
                  COOKIE,
                  Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(vault.sealUnderMasterKey(CONTEXT, held)))
              .maxAge(Passkeys.CHALLENGE_LIFETIME);
    }
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        cookie
            .path("/login/webauthn")
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Strict")
            .build()
            .toString());
  }

  @Override
  public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
    Optional<byte[]> held = held(request);
    if (held.isEmpty() || held.get().length != CHALLENGE_BYTES + Long.BYTES) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(held.get());
    byte[] challenge = new byte[CHALLENGE_BYTES];
    buffer.get(challenge);
    Instant issued = Instant.ofEpochMilli(buffer.getLong());
    Instant expires = issued.plus(Passkeys.CHALLENGE_LIFETIME);
    if (expires.isBefore(clock.instant()) || !store.firstUse(sha256(challenge), expires)) {
      return null;
    }
    return options(new Bytes(challenge));
  }

  /** The options a sign-in's challenge was issued with: any passkey, user verification required. */
  PublicKeyCredentialRequestOptions options(Bytes challenge) {
    return PublicKeyCredentialRequestOptions.builder()
        .challenge(challenge)
        .rpId(party.entity().getId())
        .timeout(Passkeys.CHALLENGE_LIFETIME)
        .userVerification(UserVerificationRequirement.REQUIRED)
        .allowCredentials(List.of())
        .build();
  }

  private Optional<byte[]> held(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
        try {
          return vault.openUnderMasterKey(
              CONTEXT, Base64.getUrlDecoder().decode(cookie.getValue()));
        } catch (IllegalArgumentException notOurs) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
