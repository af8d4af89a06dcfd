package org.sahay.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.access.AccessTokens;
import org.sahay.platform.Ids;
import org.sahay.platform.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal access tokens. Only a SHA-256 hash of each token is stored (a token has 256 random bits,
 * so a slow hash adds nothing); the token itself is shown once, at creation.
 */
@Repository
public class ApiTokenStore {

  static final String PREFIX = "sahay_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  ApiTokenStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public AccessTokens.Issued create(UserId user, String name) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    UUID id = Ids.newId();
    jdbc.sql(
            "insert into api_token (id, user_id, name, token_hash, created_at)"
                + " values (:id, :user, :name, :hash, :now)")
        .param("id", id)
        .param("user", user.value())
        .param("name", name)
        .param("hash", hash(secret))
        .param("now", OffsetDateTime.now(clock))
        .update();
    return new AccessTokens.Issued(id, secret);
  }

  /**
   * How often a token's last use is written: at most once a minute per token and node, so that
   * phones sharing a token do not all wait on its one row (it was written on every request).
   */
  static final java.time.Duration LAST_USED_EVERY = java.time.Duration.ofMinutes(1);

  private final java.util.Map<String, Instant> lastWritten =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The owner of a live token; records when it was last used (to the minute). */
  public Optional<UserId> ownerOf(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(secret);
    Optional<UserId> owner =
        jdbc.sql("select user_id from api_token where token_hash = :h and revoked_at is null")
            .param("h", hash)
            .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
            .optional();
    if (owner.isPresent()) {
      Instant now = clock.instant();
      Instant written = lastWritten.get(hash);
      if (written == null || !written.plus(LAST_USED_EVERY).isAfter(now)) {
        if (lastWritten.size() > 10_000) {
          lastWritten.clear();
        }
        lastWritten.put(hash, now);
        jdbc.sql(
                "update api_token set last_used_at = :now where token_hash = :h"
                    + " and (last_used_at is null or last_used_at < :cutoff)")
            .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
            .param(
                "cutoff",
                OffsetDateTime.ofInstant(now.minus(LAST_USED_EVERY), java.time.ZoneOffset.UTC))
            .param("h", hash)
            .update();
      }
    }
    return owner;
  }

  public List<AccessTokens.Token> of(UserId user) {
    return jdbc.sql(
            "select id, name, created_at, last_used_at, revoked_at from api_token"
                + " where user_id = :user order by created_at desc")
        .param("user", user.value())
        .query(
            (rs, n) ->
                new AccessTokens.Token(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    instant(rs.getObject(3, OffsetDateTime.class)),
                    instant(rs.getObject(4, OffsetDateTime.class)),
                    instant(rs.getObject(5, OffsetDateTime.class))))
        .list();
  }

  /** Revokes one of the user's own tokens; false when there is no such live token. */
  public boolean revoke(UserId user, UUID token) {
    return jdbc.sql(
                "update api_token set revoked_at = :now where id = :id and user_id = :user"
                    + " and revoked_at is null")
            .param("now", OffsetDateTime.now(clock))
            .param("id", token)
            .param("user", user.value())
            .update()
        == 1;
  }

  /** Revokes every live token of a user; returns how many. */
  public int revokeAll(UserId user) {
    return jdbc.sql(
            "update api_token set revoked_at = :now where user_id = :user and revoked_at is null")
        .param("now", OffsetDateTime.now(clock))
        .param("user", user.value())
        .update();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
