package org.sahay.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticated encryption of sensitive fields (Google Tink, AES-256-GCM) under a data key per
 * subject, for example a member. Each data key is stored wrapped by the master keyset, which never
 * enters the database. Destroying a subject's key makes everything encrypted under it unreadable:
 * that is how a person is erased. Ciphertexts are bound to their subject and field, so one cannot
 * be moved to another member or field.
 */
public class Vault {

  /** Thrown at start-up when the master keyset cannot open the data this database holds. */
  public static final class WrongMasterKeyset extends RuntimeException {
    public WrongMasterKeyset(String message) {
      super(message);
    }
  }

  private static final byte[] CHECK = "sahay master key check".getBytes(StandardCharsets.UTF_8);

  private final JdbcClient jdbc;
  private final MasterKeyset master;
  private final Clock clock;

  public Vault(JdbcClient jdbc, MasterKeyset master, Clock clock) {
    this.jdbc = jdbc;
    this.master = master;
    this.clock = clock;
    checkMasterKeyset();
  }

  /** Creates the subject's data key, in the caller's transaction. */
  @Transactional
  public void createKey(UUID subject, OrganisationId organisation) {
    try {
      KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(key, master.aead(), keyContext(subject));
      jdbc.sql(
              "insert into data_key (subject_id, organisation_id, wrapped_key, created_at)"
                  + " values (:s, :o, :k, :now)")
          .param("s", subject)
          .param("o", organisation.value())
          .param("k", wrapped)
          .param("now", OffsetDateTime.now(clock))
          .update();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a data key", e);
    }
  }

  /** Encrypts one field of the subject; null stays null. */
  public byte[] encrypt(UUID subject, String field, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    Aead aead = dataKey(subject).orElseThrow(() -> new IllegalStateException("no data key"));
    try {
      return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), fieldContext(subject, field));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Decrypts one field; empty when the key was destroyed (the subject was erased). */
  public Optional<String> decrypt(UUID subject, String field, byte[] ciphertext) {
    if (ciphertext == null) {
      return Optional.empty();
    }
    Optional<Aead> aead = dataKey(subject);
    if (aead.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] plain = aead.get().decrypt(ciphertext, fieldContext(subject, field));
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // Tampered, or moved from another subject or field: never shown.
      throw new IllegalStateException("a ciphertext does not belong to its subject and field", e);
    }
  }

  /**
   * Encrypts something that belongs to no single subject (a stored API answer, say) directly under
   * the master keyset, bound to {@code context}.
   */
  public byte[] sealUnderMasterKey(String context, byte[] plaintext) {
    try {
      return master.aead().encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Opens {@link #sealUnderMasterKey}; empty when its master key has been retired since. */
  public Optional<byte[]> openUnderMasterKey(String context, byte[] ciphertext) {
    try {
      return Optional.of(
          master.aead().decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** Destroys the subject's data key; true when there was one. */
  @Transactional
  public boolean destroyKey(UUID subject) {
    return jdbc.sql("delete from data_key where subject_id = :s").param("s", subject).update() == 1;
  }

  public boolean hasKey(UUID subject) {
    return jdbc.sql("select count(*) from data_key where subject_id = :s")
            .param("s", subject)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Adds a new primary master key and rewraps every data key and the check value under it. Run with
   * every other app node stopped: they would still hold the old keyset.
   */
  @Transactional
  public int rotateMasterKey() {
    Aead before = master.aead();
    List<UUID> subjects = jdbc.sql("select subject_id from data_key").query(UUID.class).list();
    Aead after = master.rotate();
    for (UUID subject : subjects) {
      byte[] wrapped = wrapped(subject).orElseThrow();
      try {
        KeysetHandle key =
            TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, before, keyContext(subject));
        byte[] rewrapped =
            TinkProtoKeysetFormat.serializeEncryptedKeyset(key, after, keyContext(subject));
        jdbc.sql("update data_key set wrapped_key = :k where subject_id = :s")
            .param("k", rewrapped)
            .param("s", subject)
            .update();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot rewrap a data key", e);
      }
    }
    try {
      jdbc.sql("update master_key_check set ciphertext = :c where id = 1")
          .param("c", after.encrypt(CHECK, CHECK))
          .update();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return subjects.size();
  }

  /**
   * Rotates the master key and then destroys the old ones: database backups made before this moment
   * can no longer open any encrypted field, so erasures since they were taken reach them. Keep a
   * copy of the old keyset only as long as you keep those backups on purpose.
   */
  @Transactional
  public int rotateAndRetireMasterKeys() {
    int rewrapped = rotateMasterKey();
    master.retireOldKeys();
    return rewrapped;
  }

  private Optional<Aead> dataKey(UUID subject) {
    return wrapped(subject)
        .map(
            wrapped -> {
              try {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(
                        wrapped, master.aead(), keyContext(subject))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot unwrap a data key", e);
              }
            });
  }

  private Optional<byte[]> wrapped(UUID subject) {
    return jdbc.sql("select wrapped_key from data_key where subject_id = :s")
        .param("s", subject)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  private void checkMasterKeyset() {
    Optional<byte[]> stored =
        jdbc.sql("select ciphertext from master_key_check where id = 1")
            .query((rs, n) -> rs.getBytes(1))
            .optional();
    try {
      if (stored.isEmpty()) {
        jdbc.sql("insert into master_key_check (id, ciphertext, created_at) values (1, :c, :now)")
            .param("c", master.aead().encrypt(CHECK, CHECK))
            .param("now", OffsetDateTime.now(clock))
            .update();
        return;
      }
      master.aead().decrypt(stored.get(), CHECK);
    } catch (GeneralSecurityException e) {
      throw new WrongMasterKeyset(
          "The master keyset at "
              + master.file().toAbsolutePath()
              + " does not match this database's encrypted data.");
    }
  }

  private static byte[] keyContext(UUID subject) {
    return ("sahay-data-key:" + subject).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fieldContext(UUID subject, String field) {
    return (subject + ":" + field).getBytes(StandardCharsets.UTF_8);
  }
}
