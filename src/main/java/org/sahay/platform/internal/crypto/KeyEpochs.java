package org.sahay.platform.internal.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * When each master key was primary, and when it was retired: the master keyset's epochs, kept in a
 * file beside it ({@code master-keyset.epochs.json}; it holds no key). A key stays after its epoch
 * ends, to open backups made in it, until the backup retention period has passed; then it is
 * retired, and those backups no longer open any sealed field. Retired keys stay listed, so that a
 * restore can tell a data key retired on purpose from one made under another keyset.
 *
 * <p>A keyset older than this file has no record: its primary is taken to have begun, and its other
 * keys to have ended, when the keyset file was last written (a rotation writes it).
 */
record KeyEpochs(List<Epoch> epochs) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One master key's epoch; {@code primaryUntil} is null while it is the primary. */
  record Epoch(long key, Instant primaryFrom, Instant primaryUntil, Instant retiredAt) {}

  static Path fileBeside(Path keyset) {
    String name = keyset.getFileName().toString().replaceFirst("\\.json$", "");
    return keyset.resolveSibling(name + ".epochs.json");
  }

  /** The recorded epochs, completed for keys the record does not know (see the class comment). */
  static KeyEpochs read(Path keyset, Set<Long> keys, long primary) throws IOException {
    Path file = fileBeside(keyset);
    List<Epoch> recorded = new ArrayList<>();
    if (Files.exists(file)) {
      recorded.addAll(JSON.readValue(Files.readString(file), KeyEpochs.class).epochs());
    }
    Instant written =
        Files.exists(keyset) ? Files.getLastModifiedTime(keyset).toInstant() : Instant.now();
    Set<Long> known = recorded.stream().map(Epoch::key).collect(Collectors.toSet());
    for (long key : keys) {
      if (!known.contains(key)) {
        recorded.add(
            key == primary
                ? new Epoch(key, written, null, null)
                : new Epoch(key, null, written, null));
      }
    }
    return new KeyEpochs(List.copyOf(recorded));
  }

  byte[] json() {
    return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
  }

  /** A new primary from {@code now}: the current one's epoch ends. */
  KeyEpochs rotated(long newPrimary, Instant now) {
    List<Epoch> next = new ArrayList<>();
    for (Epoch e : epochs) {
      next.add(
          e.primaryUntil() == null && e.retiredAt() == null
              ? new Epoch(e.key(), e.primaryFrom(), now, null)
              : e);
    }
    next.add(new Epoch(newPrimary, now, null, null));
    return new KeyEpochs(List.copyOf(next));
  }

  KeyEpochs retired(Set<Long> keys, Instant now) {
    return new KeyEpochs(
        epochs.stream()
            .map(
                e ->
                    keys.contains(e.key())
                        ? new Epoch(e.key(), e.primaryFrom(), e.primaryUntil(), now)
                        : e)
            .toList());
  }

  /** Keys still held whose epoch ended at or before {@code cutoff}. */
  Set<Long> endedBy(Instant cutoff) {
    return epochs.stream()
        .filter(e -> e.retiredAt() == null && e.primaryUntil() != null)
        .filter(e -> !e.primaryUntil().isAfter(cutoff))
        .map(Epoch::key)
        .collect(Collectors.toSet());
  }

  Set<Long> retiredKeys() {
    return epochs.stream()
        .filter(e -> e.retiredAt() != null)
        .map(Epoch::key)
        .collect(Collectors.toSet());
  }

  /** When the current primary's epoch began. */
  Optional<Instant> primarySince() {
    return epochs.stream()
        .filter(e -> e.primaryUntil() == null && e.retiredAt() == null)
        .map(Epoch::primaryFrom)
        .max(Comparator.naturalOrder());
  }
}
