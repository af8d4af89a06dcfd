package org.sahay.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sahay.access.internal.ApiTokenStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own personal access tokens: issued, listed and revoked, each change audited. */
@Service
public class AccessTokens {

  /** A token as listed to its owner: never the secret. */
  public record Token(
      UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A new token and its secret, which exists only here and in the one response that shows it. */
  public record Issued(UUID id, String secret) {}

  private final ApiTokenStore store;
  private final AuditLog audit;

  AccessTokens(ApiTokenStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /** Issues a token to the actor; {@code channel} says where (page or API) for the audit log. */
  @Transactional
  public Issued issue(Actor actor, String name, String channel) {
    String trimmed = name == null || name.isBlank() ? "api" : name.trim();
    Issued issued =
        store.create(actor.id(), trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed);
    audit.record(
        new AuditLog.Event(
            actor.username(),
            actor.organisation(),
            "TOKEN_CREATED",
            "api_token",
            issued.id().toString(),
            "via " + channel));
    return issued;
  }

  @Transactional(readOnly = true)
  public List<Token> of(Actor actor) {
    return store.of(actor.id());
  }

  /** Revokes one of the actor's own live tokens; false when there is none with that id. */
  @Transactional
  public boolean revoke(Actor actor, UUID token) {
    if (!store.revoke(actor.id(), token)) {
      return false;
    }
    audit.record(
        new AuditLog.Event(
            actor.username(),
            actor.organisation(),
            "TOKEN_REVOKED",
            "api_token",
            token.toString(),
            ""));
    return true;
  }
}
