package org.sahay.access.internal;

import java.util.Optional;
import org.sahay.access.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Sign-in with a passkey: the relying party checks the signature, challenge, origin and user
 * verification; then the passkey's user, if still active, is signed in as a password would sign
 * them in, with the same principal, and every success and refusal is in the audit log. The password
 * lockout does not apply: a passkey cannot be guessed, and someone typing wrong passwords for a
 * leader must not keep the leader's own passkey out.
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

  private static final String UNKNOWN = "(unknown passkey)";

  private final WebAuthnRelyingPartyOperations relyingParty;
  private final PasskeyStore passkeys;
  private final UserStore users;
  private final AuditLog audit;

  PasskeyAuthenticationProvider(
      WebAuthnRelyingPartyOperations relyingParty,
      PasskeyStore passkeys,
      UserStore users,
      AuditLog audit) {
    this.relyingParty = relyingParty;
    this.passkeys = passkeys;
    this.users = users;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    RelyingPartyAuthenticationRequest request =
        ((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest();
    PublicKeyCredentialUserEntity entity;
    try {
      entity = relyingParty.authenticate(request);
    } catch (RuntimeException refused) {
      Bytes id = request.getPublicKey() == null ? null : request.getPublicKey().getRawId();
      Optional<UserRecord> owner =
          Optional.ofNullable(id).flatMap(passkeys::ownerOf).flatMap(users::findById);
      failed(
          owner,
          refused instanceof PasskeyStore.CounterWentBack
              ? "passkey refused: its counter went back, so a copy of it may exist"
              : "passkey refused");
      throw new BadCredentialsException("passkey refused");
    }
    Optional<UserRecord> user = users.findByUsername(entity.getName());
    if (user.isEmpty() || !user.get().active()) {
      failed(user, "account deactivated");
      throw new BadCredentialsException("passkey refused");
    }
    SahayPrincipal principal = new SahayPrincipal(user.get());
    principal.eraseCredentials();
    audit.record(
        new AuditLog.Event(
            principal.getUsername(),
            user.get().organisation(),
            "LOGIN",
            "user",
            principal.userId().toString(),
            "signed in with a passkey"));
    var result =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    result.setDetails(authentication.getDetails());
    return result;
  }

  private void failed(Optional<UserRecord> user, String summary) {
    audit.record(
        new AuditLog.Event(
            user.map(UserRecord::username).orElse(UNKNOWN),
            user.map(UserRecord::organisation).orElse(null),
            "LOGIN_FAILED",
            "user",
            user.map(u -> u.id().toString()).orElse(null),
            summary));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
  }
}
