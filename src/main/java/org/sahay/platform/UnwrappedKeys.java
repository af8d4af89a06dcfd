package org.sahay.platform;

import com.google.crypto.tink.Aead;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys this node has already unwrapped, each kept beside the exact wrapped bytes it came from.
 * A key is handed out only to a caller that has just read those same bytes from the database, so
 * the cache never answers for a key the database no longer holds: once a member's key is deleted
 * (erasure) or rewrapped (master key rotation), no node can use its copy, whatever it still keeps.
 * What it saves is the unwrapping (parsing a Tink keyset under the master key), which was the
 * largest cost of opening a page of search results. Bounded: when full, an eighth of the entries,
 * in the map's own (hash) order, make room.
 */
final class UnwrappedKeys {

  private record Entry(byte[] wrapped, Aead key) {}

  private final int capacity;
  private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();

  UnwrappedKeys(int capacity) {
    this.capacity = capacity;
  }

  /** The key unwrapped from {@code wrapped}, if this node has it; null otherwise. */
  Aead get(UUID subject, byte[] wrapped) {
    if (capacity <= 0) {
      return null;
    }
    Entry entry = entries.get(subject);
    return entry != null && MessageDigest.isEqual(entry.wrapped(), wrapped) ? entry.key() : null;
  }

  void put(UUID subject, byte[] wrapped, Aead key) {
    if (capacity <= 0) {
      return;
    }
    if (entries.size() >= capacity) {
      int drop = Math.max(1, capacity / 8);
      for (Iterator<UUID> it = entries.keySet().iterator(); it.hasNext() && drop > 0; drop--) {
        it.next();
        it.remove();
      }
    }
    entries.put(subject, new Entry(wrapped.clone(), key));
  }

  void forget(UUID subject) {
    entries.remove(subject);
  }

  int size() {
    return entries.size();
  }
}
