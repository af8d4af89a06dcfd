package org.sahay.platform;

import com.google.crypto.tink.Aead;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data keys made in the running transaction, so that sealing a new member's fields right after
 * her key was made needs no read of the key table and no unwrapping. Forgotten when the transaction
 * ends, committed or not; outside a transaction nothing is kept.
 */
final class FreshKeys {

  private static final Object RESOURCE = new Object();

  private FreshKeys() {}

  static void put(UUID subject, Aead key) {
    Map<UUID, Aead> keys = keys(true);
    if (keys != null) {
      keys.put(subject, key);
    }
  }

  static Aead get(UUID subject) {
    Map<UUID, Aead> keys = keys(false);
    return keys == null ? null : keys.get(subject);
  }

  static void forget(UUID subject) {
    Map<UUID, Aead> keys = keys(false);
    if (keys != null) {
      keys.remove(subject);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<UUID, Aead> keys(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<UUID, Aead> keys =
        (Map<UUID, Aead>) TransactionSynchronizationManager.getResource(RESOURCE);
    if (keys == null && create) {
      Map<UUID, Aead> made = new HashMap<>();
      TransactionSynchronizationManager.bindResource(RESOURCE, made);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
            }
          });
      keys = made;
    }
    return keys;
  }
}
