package org.sahay.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sahay.access.internal.PasskeyStore;
import org.sahay.access.internal.PasskeyUsers;
import org.sahay.platform.UserId;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys: a key pair kept by the phone (or a security key), unlocked by its screen lock, in place
 * of a password. A signed-in user adds one from their account page and signs in with it from then
 * on; a passkey answers only Sahay's own address, so a look-alike page cannot use it. Each passkey
 * is made with the phone's user verification required (its PIN, pattern or fingerprint), so a
 * sign-in with one is two factors at once and asks no code after it. Adding and removing passkeys
 * is audited; a lost phone's passkeys go when an admin resets the user's second factor.
 */
@Service
public class Passkeys {

  /** Passkeys one user may hold: a phone or two and a spare key, with room to spare. */
  public static final int MAX_PER_USER = 10;

  /** How long a browser has to answer a passkey challenge. */
  public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

  /** Longest name a user may give a passkey. */
  static final int MAX_LABEL = 60;

  /** One passkey on its owner's account page. */
  public record Passkey(UUID id, String label, Instant created, Instant lastUsed) {}

  /** The options for the browser (JSON) and the challenge to keep until its answer comes. */
  public record Started(String optionsJson, byte[] challenge) {}

  /** What adding a passkey came to: done, or refused with a message key. */
  public sealed interface Outcome {
    record Added(UUID id) implements Outcome {}

    record Refused(String messageKey) implements Outcome {}
  }

  /** The browser's answer to a registration: the credential and the name the user gave it. */
  record Registration(RelyingPartyPublicKey publicKey) {}

  private static final JsonMapper JSON =
      JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

  private final PasskeyStore store;
  private final PasskeyUsers handles;
  private final Webauthn4JRelyingPartyOperations relyingParty;
  private final PublicKeyCredentialRpEntity rp;
  private final AuditLog audit;
  private final Clock clock;

  Passkeys(
      PasskeyStore store,
      PasskeyUsers handles,
      Webauthn4JRelyingPartyOperations relyingParty,
      AuditLog audit,
      Clock clock,
      org.sahay.access.internal.PasskeyRelyingParty named) {
    this.store = store;
    this.handles = handles;
    this.relyingParty = relyingParty;
    this.rp = named.entity();
    this.audit = audit;
    this.clock = clock;
  }

  /** The user's passkeys, oldest first. */
  public List<Passkey> of(Actor actor) {
    return store.of(actor.id()).stream()
        .map(p -> new Passkey(p.id(), p.label(), p.created(), p.lastUsed()))
        .toList();
  }

  /** The options a browser needs to make a passkey for this user, with a fresh challenge. */
  public Started start(Actor actor) {
    Bytes challenge = Bytes.random();
    return new Started(
        JSON.writeValueAsString(creationOptions(actor, challenge)), challenge.getBytes());
  }

  /**
   * Checks and keeps the browser's new passkey: the answer must be to {@code challenge}, issued at
   * {@code issued} to this user within {@link #CHALLENGE_LIFETIME}, from Sahay's own address, made
   * with user verification; then it is the user's.
   */
  public Outcome finish(Actor actor, byte[] challenge, Instant issued, String body) {
    if (challenge == null
        || issued == null
        || issued.plus(CHALLENGE_LIFETIME).isBefore(clock.instant())) {
      return new Outcome.Refused("passkey.expired");
    }
    Registration registration;
    try {
      registration = JSON.readValue(body, Registration.class);
    } catch (RuntimeException unreadable) {
      return new Outcome.Refused("passkey.refused");
    }
    if (registration == null
        || registration.publicKey() == null
        || registration.publicKey().getCredential() == null) {
      return new Outcome.Refused("passkey.refused");
    }
    String label = label(registration.publicKey().getLabel());
    if (label == null) {
      return new Outcome.Refused("passkey.label.invalid");
    }
    if (store.of(actor.id()).size() >= MAX_PER_USER) {
      return new Outcome.Refused("passkey.tooMany");
    }
    CredentialRecord added;
    try {
      added =
          relyingParty.registerCredential(
              new ImmutableRelyingPartyRegistrationRequest(
                  creationOptions(actor, new Bytes(challenge)),
                  new RelyingPartyPublicKey(registration.publicKey().getCredential(), label)));
    } catch (RuntimeException notVerified) {
      // A wrong challenge, origin or signature, no user verification, or a passkey already kept.
      return new Outcome.Refused("passkey.refused");
    }
    audit.record(AuditLog.Event.ownAccount(actor, "PASSKEY_ADDED", "a passkey was added"));
    return new Outcome.Added(store.idOf(added.getCredentialId()).orElseThrow());
  }

  /** Removes one of the user's own passkeys; false when they have none with that id. */
  public boolean remove(Actor actor, UUID id) {
    boolean removed = store.remove(actor.id(), id);
    if (removed) {
      audit.record(AuditLog.Event.ownAccount(actor, "PASSKEY_REMOVED", "a passkey was removed"));
    }
    return removed;
  }

  /** Removes all of a user's passkeys (their phone was lost); the caller audits it. */
  int removeAll(UserId user) {
    return store.removeAll(user);
  }

  private PublicKeyCredentialCreationOptions creationOptions(Actor actor, Bytes challenge) {
    PublicKeyCredentialUserEntity user = handles.handleOf(actor.username());
    List<PublicKeyCredentialDescriptor> exclude =
        store.findByUserId(user.getId()).stream()
            .map(
                c ->
                    PublicKeyCredentialDescriptor.builder()
                        .id(c.getCredentialId())
                        .transports(c.getTransports())
                        .build())
            .toList();
    return PublicKeyCredentialCreationOptions.builder()
        .attestation(AttestationConveyancePreference.NONE)
        .pubKeyCredParams(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.RS256)
        .authenticatorSelection(
            AuthenticatorSelectionCriteria.builder()
                .userVerification(UserVerificationRequirement.REQUIRED)
                .residentKey(ResidentKeyRequirement.REQUIRED)
                .build())
        .challenge(challenge)
        .extensions(
            new ImmutableAuthenticationExtensionsClientInputs(
                ImmutableAuthenticationExtensionsClientInput.credProps))
        .timeout(CHALLENGE_LIFETIME)
        .user(user)
        .rp(rp)
        .excludeCredentials(exclude)
        .build();
  }

  /** The name stripped, or null when it is empty, too long or holds control characters. */
  static String label(String given) {
    if (given == null) {
      return null;
    }
    String label = given.strip();
    if (label.isEmpty()
        || label.length() > MAX_LABEL
        || label.codePoints().anyMatch(Character::isISOControl)) {
      return null;
    }
    return label;
  }
}
