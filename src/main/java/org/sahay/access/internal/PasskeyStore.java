package org.sahay.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sahay.platform.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Passkeys as the relying party's checks read and write them: each passkey's public key, counter
 * and flags (the users' handles are in {@link PasskeyUsers}). A passkey's counter only moves
 * forward: an answer with a counter at or below the stored one (other than the zero that synced
 * passkeys always send) is refused, since it comes from a copy of the key.
 */
@Repository
public class PasskeyStore implements UserCredentialRepository {

  /** One passkey as its owner's account page lists it. */
  public record Listed(UUID id, String label, Instant created, Instant lastUsed) {}

  /** Thrown from {@link #save} when a sign-in's counter did not move forward. */
  static final class CounterWentBack extends IllegalStateException {
    CounterWentBack() {
      super("passkey counter did not move forward");
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  PasskeyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  // -- credentials

  /**
   * A new passkey (registration) or a sign-in's new counter and time of use. The owner of a new one
   * is the user whose handle it was made for.
   */
  @Override
  public void save(CredentialRecord record) {
    byte[] credentialId = record.getCredentialId().getBytes();
    boolean known =
        jdbc.sql("select count(*) from passkey_credential where credential_id = :c")
                .param("c", credentialId)
                .query(Long.class)
                .single()
            > 0;
    if (known) {
      long count = record.getSignatureCount();
      int moved =
          jdbc.sql(
                  "update passkey_credential set signature_count = :n, last_used_at = :t"
                      + " where credential_id = :c"
                      + " and ((signature_count = 0 and :n = 0) or signature_count < :n)")
              .param("n", count)
              .param("t", OffsetDateTime.now(clock))
              .param("c", credentialId)
              .update();
      if (moved == 0) {
        throw new CounterWentBack();
      }
      return;
    }
    Bytes attestation = record.getAttestationObject();
    int inserted =
        jdbc.sql(
                """
                insert into passkey_credential (id, credential_id, user_id, label, public_key,
                  signature_count, uv_initialized, backup_eligible, backup_state, transports,
                  attestation_object, created_at)
                select :id, :c, user_id, :label, :key, :n, :uv, :be, :bs, :transports,
                  :attestation, :now
                from passkey_user where user_handle = :h
                """)
            .param("id", UUID.randomUUID())
            .param("c", credentialId)
            .param("label", record.getLabel())
            .param("key", record.getPublicKey().getBytes())
            .param("n", record.getSignatureCount())
            .param("uv", record.isUvInitialized())
            .param("be", record.isBackupEligible())
            .param("bs", record.isBackupState())
            .param(
                "transports",
                record.getTransports().stream()
                    .map(AuthenticatorTransport::getValue)
                    .sorted()
                    .collect(Collectors.joining(",")))
            .param("attestation", attestation == null ? new byte[0] : attestation.getBytes())
            .param("now", OffsetDateTime.now(clock))
            .param("h", record.getUserEntityUserId().getBytes())
            .update();
    if (inserted != 1) {
      throw new IllegalStateException("no user has the handle this passkey was made for");
    }
  }

  @Override
  public CredentialRecord findByCredentialId(Bytes credentialId) {
    return jdbc.sql(SELECT + " where c.credential_id = :c")
        .param("c", credentialId.getBytes())
        .query(PasskeyStore::record)
        .optional()
        .orElse(null);
  }

  @Override
  public List<CredentialRecord> findByUserId(Bytes userHandle) {
    return jdbc.sql(SELECT + " where p.user_handle = :h order by c.created_at, c.id")
        .param("h", userHandle.getBytes())
        .query(PasskeyStore::record)
        .list();
  }

  /** Removes a passkey by its credential id, whoever holds it (the relying party's interface). */
  @Override
  public void delete(Bytes credentialId) {
    jdbc.sql("delete from passkey_credential where credential_id = :c")
        .param("c", credentialId.getBytes())
        .update();
  }

  /** Sahay's own id of the passkey with this credential id. */
  public Optional<UUID> idOf(Bytes credentialId) {
    return jdbc.sql("select id from passkey_credential where credential_id = :c")
        .param("c", credentialId.getBytes())
        .query(UUID.class)
        .optional();
  }

  /** The owner of the passkey with this credential id, if any: for the audit of a refusal. */
  public Optional<UserId> ownerOf(Bytes credentialId) {
    return jdbc.sql("select user_id from passkey_credential where credential_id = :c")
        .param("c", credentialId.getBytes())
        .query(UUID.class)
        .optional()
        .map(UserId::new);
  }

  /** The user's passkeys, oldest first. */
  public List<Listed> of(UserId user) {
    return jdbc.sql(
            "select id, label, created_at, last_used_at from passkey_credential"
                + " where user_id = :u order by created_at, id")
        .param("u", user.value())
        .query(
            (rs, n) ->
                new Listed(
                    rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4)))
        .list();
  }

  /** Removes one of the user's own passkeys; false when the user has none with that id. */
  public boolean remove(UserId user, UUID id) {
    return jdbc.sql("delete from passkey_credential where id = :id and user_id = :u")
            .param("id", id)
            .param("u", user.value())
            .update()
        == 1;
  }

  /** Removes every passkey of the user (a lost phone); how many there were. */
  public int removeAll(UserId user) {
    return jdbc.sql("delete from passkey_credential where user_id = :u")
        .param("u", user.value())
        .update();
  }

  // -- challenges answered

  /**
   * Marks a sign-in challenge answered; false when it was answered before. Challenges expired
   * meanwhile are forgotten on the way, so the table holds minutes of sign-ins at most.
   */
  public boolean firstUse(byte[] challengeHash, Instant expires) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("delete from passkey_challenge_used where expires_at < :now")
        .param("now", now)
        .update();
    try {
      return jdbc.sql(
                  "insert into passkey_challenge_used (challenge_hash, expires_at)"
                      + " values (:h, :e)")
              .param("h", challengeHash)
              .param("e", expires.atOffset(ZoneOffset.UTC))
              .update()
          == 1;
    } catch (DuplicateKeyException answeredBefore) {
      return false;
    }
  }

  private static final String SELECT =
      """
      select c.credential_id, p.user_handle, c.label, c.public_key, c.signature_count,
        c.uv_initialized, c.backup_eligible, c.backup_state, c.transports, c.attestation_object,
        c.created_at, c.last_used_at
      from passkey_credential c join passkey_user p on p.user_id = c.user_id
      """;

  private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
    Set<AuthenticatorTransport> transports =
        Arrays.stream(rs.getString(9).split(","))
            .filter(t -> !t.isBlank())
            .map(AuthenticatorTransport::valueOf)
            .collect(Collectors.toUnmodifiableSet());
    Instant created = instant(rs, 11);
    Instant lastUsed = instant(rs, 12);
    return ImmutableCredentialRecord.builder()
        .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
        .credentialId(new Bytes(rs.getBytes(1)))
        .userEntityUserId(new Bytes(rs.getBytes(2)))
        .label(rs.getString(3))
        .publicKey(new ImmutablePublicKeyCose(rs.getBytes(4)))
        .signatureCount(rs.getLong(5))
        .uvInitialized(rs.getBoolean(6))
        .backupEligible(rs.getBoolean(7))
        .backupState(rs.getBoolean(8))
        .transports(transports)
        .attestationObject(new Bytes(rs.getBytes(10)))
        .created(created)
        .lastUsed(lastUsed == null ? created : lastUsed)
        .build();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
