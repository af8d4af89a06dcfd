package org.sahay.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Authenticated encryption of sensitive fields (Google Tink, AES-256-GCM) under a data key per
 * subject, for example a member. Each data key is stored wrapped by the master keyset, which never
 * enters the database. Destroying a subject's key makes everything encrypted under it unreadable:
 * that is how a person is erased. Ciphertexts are bound to their subject and field, so one cannot
 * be moved to another member or field.
 *
 * <p>Encrypted values cannot be searched, so each organisation also has an index key (an
 * HMAC-SHA256 key, wrapped like the data keys and stored with the organisation's id as its
 * subject): {@link #token} turns a normalised value (a phone number, a sound of a name) into a
 * keyed token that matches the same value and reveals nothing without the key. Tokens are for
 * lookups only.
 */
public class Vault {

  /** Thrown at start-up when the master keyset cannot open the data this database holds. */
  public static final class WrongMasterKeyset extends RuntimeException {
    public WrongMasterKeyset(String message) {
      super(message);
    }
  }

  private static final byte[] CHECK = "sahay master key check".getBytes(StandardCharsets.UTF_8);

  /** The data keys of several subjects, read with one query, for opening many rows at once. */
  public final class Keys {
    private final Map<UUID, Aead> keys;

    private Keys(Map<UUID, Aead> keys) {
      this.keys = keys;
    }

    /** Decrypts one field; empty when the subject's key was destroyed or was not asked for. */
    public Optional<String> decrypt(UUID subject, String field, byte[] ciphertext) {
      return ciphertext == null
          ? Optional.empty()
          : open(keys.get(subject), subject, field, ciphertext);
    }
  }

  private static final int TOKEN_BYTES = 16;
  public static final int DEFAULT_UNWRAPPED_KEYS = 8192;

  static {
    try {
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private final JdbcClient jdbc;
  private final MasterKeyset master;
  private final Clock clock;
  private final IndexKeys indexKeys;
  private final UnwrappedKeys unwrapped;

  public Vault(JdbcClient jdbc, MasterKeyset master, Clock clock) {
    this(jdbc, master, clock, DEFAULT_UNWRAPPED_KEYS);
  }

  /** {@code unwrappedKeys}: how many unwrapped data keys this node keeps (0 keeps none). */
  public Vault(JdbcClient jdbc, MasterKeyset master, Clock clock, int unwrappedKeys) {
    this.jdbc = jdbc;
    this.master = master;
    this.clock = clock;
    this.unwrapped = new UnwrappedKeys(unwrappedKeys);
    this.indexKeys = new IndexKeys(jdbc, master, clock);
    checkMasterKeyset();
  }

  /** Creates the subject's data key, in the caller's transaction. */
  @Transactional
  public void createKey(UUID subject, OrganisationId organisation) {
    createKeys(List.of(subject), organisation);
  }

  /**
   * Creates the data keys of several subjects of one organisation, in the caller's transaction;
   * sealing under them in the same transaction reads no key back (see {@link FreshKeys}).
   */
  @Transactional
  public void createKeys(List<UUID> subjects, OrganisationId organisation) {
    new NewDataKeys(jdbc, master, clock).create(subjects, organisation);
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
    return open(dataKey(subject).orElse(null), subject, field, ciphertext);
  }

  /** The data keys of {@code subjects} (those that still have one), read with one query. */
  public Keys keys(Collection<UUID> subjects) {
    Map<UUID, Aead> found = new HashMap<>();
    if (!subjects.isEmpty()) {
      jdbc.sql("select subject_id, wrapped_key from data_key where subject_id in (:s)")
          .param("s", List.copyOf(new java.util.LinkedHashSet<>(subjects)))
          .query(
              (java.sql.ResultSet rs) -> {
                UUID subject = rs.getObject(1, UUID.class);
                found.put(subject, unwrap(subject, rs.getBytes(2)));
              });
    }
    return new Keys(found);
  }

  /**
   * A keyed token of {@code value} under the organisation's index key (22 characters): equal values
   * give equal tokens within the organisation, and nothing about the value can be learned from a
   * token without the key. Callers normalise the value and prefix it with what it is (for example
   * {@code phone:9876543210}) so that tokens of different kinds never meet.
   */
  public String token(OrganisationId organisation, String value) {
    return token(indexKeys.key(organisation), value);
  }

  /**
   * {@link #token} for many values of one organisation, from any thread: the index key is found
   * here, on the caller's thread and in its transaction, so that other threads read nothing.
   */
  public java.util.function.UnaryOperator<String> tokens(OrganisationId organisation) {
    com.google.crypto.tink.prf.PrfSet key = indexKeys.key(organisation);
    return value -> token(key, value);
  }

  private static String token(com.google.crypto.tink.prf.PrfSet key, String value) {
    try {
      byte[] mac = key.computePrimary(value.getBytes(StandardCharsets.UTF_8), TOKEN_BYTES);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute a token", e);
    }
  }

  private static Optional<String> open(Aead aead, UUID subject, String field, byte[] ciphertext) {
    if (aead == null) {
      return Optional.empty();
    }
    try {
      byte[] plain = aead.decrypt(ciphertext, fieldContext(subject, field));
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
    FreshKeys.forget(subject);
    unwrapped.forget(subject);
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
    return rotateMasterKey(clock.instant());
  }

  /** As {@link #rotateMasterKey()}, the new key's epoch beginning at {@code epochBegins}. */
  @Transactional
  public int rotateMasterKey(java.time.Instant epochBegins) {
    Aead before = master.aead();
    List<UUID> subjects = jdbc.sql("select subject_id from data_key").query(UUID.class).list();
    Aead after = master.rotate(epochBegins);
    for (UUID subject : subjects) {
      rewrap(subject, wrapped(subject).orElseThrow(), before, after);
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
   * Rewraps under the primary master key every data key still wrapped under one of {@code keys} (a
   * node that had not yet read the rotated keyset may have made one), so that retiring those keys
   * loses nothing live. In the caller's transaction; the answer is how many were rewrapped.
   */
  @Transactional
  public int rewrapUnder(java.util.Set<Long> keys) {
    Aead aead = master.aead();
    int rewrapped = 0;
    List<Object[]> rows =
        jdbc.sql("select subject_id, wrapped_key from data_key")
            .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)})
            .list();
    for (Object[] row : rows) {
      byte[] wrapped = (byte[]) row[1];
      if (keys.contains(MasterKeyset.keyIdOf(wrapped))) {
        rewrap((UUID) row[0], wrapped, aead, aead);
        rewrapped++;
      }
    }
    return rewrapped;
  }

  /** Opens a data key with {@code from} and stores it wrapped with {@code to}. */
  private void rewrap(UUID subject, byte[] wrapped, Aead from, Aead to) {
    try {
      KeysetHandle key =
          TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, from, keyContext(subject));
      jdbc.sql("update data_key set wrapped_key = :k where subject_id = :s")
          .param("k", TinkProtoKeysetFormat.serializeEncryptedKeyset(key, to, keyContext(subject)))
          .param("s", subject)
          .update();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot rewrap a data key", e);
    }
  }

  /**
   * Rotates the master key and then destroys the old ones: database backups made before this moment
   * can no longer open any encrypted field, so erasures since they were taken reach them. Keep a
   * copy of the old keyset only as long as you keep those backups on purpose.
   */
  @Transactional
  public int rotateAndRetireMasterKeys() {
    int rewrapped = rotateMasterKey();
    // Only once the rewrapped keys are committed: retiring first, a failed commit would leave every
    // data key wrapped under a master key that no longer exists, and nothing readable.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              master.retireOldKeys();
            }
          });
    } else {
      master.retireOldKeys();
    }
    return rewrapped;
  }

  private Optional<Aead> dataKey(UUID subject) {
    Aead fresh = FreshKeys.get(subject);
    if (fresh != null) {
      return Optional.of(fresh);
    }
    return wrapped(subject).map(wrapped -> unwrap(subject, wrapped));
  }

  private Aead unwrap(UUID subject, byte[] wrapped) {
    Aead known = unwrapped.get(subject, wrapped);
    if (known != null) {
      return known;
    }
    try {
      Aead key = unwrapWith(master.aead(), subject, wrapped);
      unwrapped.put(subject, wrapped, key);
      return key;
    } catch (GeneralSecurityException e) {
      // Another node may have rotated the master key since this one read the keyset file.
      if (master.reloadIfChanged()) {
        return unwrap(subject, wrapped);
      }
      throw new IllegalStateException("cannot unwrap a data key", e);
    }
  }

  private static Aead unwrapWith(Aead master, UUID subject, byte[] wrapped)
      throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, keyContext(subject))
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private Optional<byte[]> wrapped(UUID subject) {
    return wrapped(jdbc, subject);
  }

  /** The subject's data key as stored, wrapped under the master keyset. */
  static Optional<byte[]> wrapped(JdbcClient jdbc, UUID subject) {
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

  /** What a subject's data key is bound to when wrapped: it cannot be moved to another subject. */
  public static byte[] keyContext(UUID subject) {
    return ("sahay-data-key:" + subject).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fieldContext(UUID subject, String field) {
    return (subject + ":" + field).getBytes(StandardCharsets.UTF_8);
  }
}
