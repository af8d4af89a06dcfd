package org.sahay.platform;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each organisation's index key (see {@link Vault#token}), made on first use and kept unwrapped
 * once it is committed.
 */
final class IndexKeys {

  private final JdbcClient jdbc;
  private final MasterKeyset master;
  private final Clock clock;
  private final Map<UUID, PrfSet> keys = new ConcurrentHashMap<>();

  IndexKeys(JdbcClient jdbc, MasterKeyset master, Clock clock) {
    this.jdbc = jdbc;
    this.master = master;
    this.clock = clock;
  }

  PrfSet key(OrganisationId organisation) {
    UUID subject = organisation.value();
    PrfSet cached = keys.get(subject);
    if (cached != null) {
      return cached;
    }
    Optional<byte[]> wrapped = wrapped(subject);
    boolean createdHere = false;
    if (wrapped.isEmpty()) {
      if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
        // A search before anything was ever indexed: nothing can match, so a throw-away key that
        // is neither kept nor stored answers it, without a write or a second connection.
        return throwAwayIndexKey();
      }
      // Made in the caller's own transaction and connection: a concurrent first use waits for it,
      // then reads it, and none holds one connection while it waits for another.
      createdHere = createIndexKey(subject, organisation);
      wrapped = wrapped(subject);
    }
    try {
      PrfSet key =
          TinkProtoKeysetFormat.parseEncryptedKeyset(
                  wrapped.orElseThrow(), master.aead(), Vault.keyContext(subject))
              .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
      if (createdHere && TransactionSynchronizationManager.isSynchronizationActive()) {
        // Kept only once it is committed: a key from a transaction that rolls back never existed.
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                keys.put(subject, key);
              }
            });
      } else {
        keys.put(subject, key);
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot unwrap an index key", e);
    }
  }

  private static PrfSet throwAwayIndexKey() {
    try {
      return KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)
          .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an index key", e);
    }
  }

  /** True when this call made the key, false when it existed (or a concurrent caller made it). */
  private boolean createIndexKey(UUID subject, OrganisationId organisation) {
    try {
      KeysetHandle key = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
      return jdbc.sql(
                  "insert into data_key (subject_id, organisation_id, wrapped_key, created_at)"
                      + " values (:s, :o, :k, :now) on conflict do nothing")
              .param("s", subject)
              .param("o", organisation.value())
              .param(
                  "k",
                  TinkProtoKeysetFormat.serializeEncryptedKeyset(
                      key, master.aead(), Vault.keyContext(subject)))
              .param("now", OffsetDateTime.now(clock))
              .update()
          == 1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create an index key", e);
    }
  }

  private Optional<byte[]> wrapped(UUID subject) {
    return Vault.wrapped(jdbc, subject);
  }
}
