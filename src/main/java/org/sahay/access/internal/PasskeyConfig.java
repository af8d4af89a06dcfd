package org.sahay.access.internal;

import java.time.Clock;
import org.sahay.access.AuditLog;
import org.sahay.access.Passkeys;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/** The relying party's checks (Spring Security on webauthn4j) over Sahay's own passkey tables. */
@Configuration(proxyBeanMethods = false)
class PasskeyConfig {

  @Bean
  PasskeyRelyingParty passkeyRelyingParty(
      @Value("${sahay.passkeys.origins:}") String origins,
      @Value("${sahay.passkeys.rp-id:}") String rpId) {
    return new PasskeyRelyingParty(origins, rpId);
  }

  @Bean
  Webauthn4JRelyingPartyOperations relyingParty(
      PasskeyUsers users, PasskeyStore store, PasskeyRelyingParty party) {
    // The set of origins is read at every check, so the port found at start counts.
    var operations =
        new Webauthn4JRelyingPartyOperations(users, store, party.entity(), party.allowed());
    // A sign-in with a passkey stands for two factors only if the phone checked its owner.
    operations.setCustomizeRequestOptions(
        o ->
            o.userVerification(UserVerificationRequirement.REQUIRED)
                .timeout(Passkeys.CHALLENGE_LIFETIME));
    return operations;
  }

  @Bean
  PasskeySignInParts passkeySignInParts(
      Webauthn4JRelyingPartyOperations relyingParty,
      PasskeyStore store,
      PasskeyRelyingParty party,
      Vault vault,
      UserStore users,
      AuditLog audit,
      Clock clock) {
    return new PasskeySignInParts(
        relyingParty,
        new PasskeyChallenges(vault, store, party, clock),
        new PasskeyAuthenticationProvider(relyingParty, store, users, audit));
  }
}

/** What the pages' filter chain needs to sign in with passkeys; a new configurer each time. */
record PasskeySignInParts(
    Webauthn4JRelyingPartyOperations relyingParty,
    PasskeyChallenges challenges,
    PasskeyAuthenticationProvider provider) {

  PasskeySignIn signIn() {
    return new PasskeySignIn(relyingParty, challenges, provider);
  }
}
