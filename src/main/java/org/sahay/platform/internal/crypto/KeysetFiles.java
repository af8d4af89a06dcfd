package org.sahay.platform.internal.crypto;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the keysets are, from the settings: the master keyset, and the backup keyset beside it. */
public final class KeysetFiles {

  private static final Logger log = LoggerFactory.getLogger(KeysetFiles.class);

  private KeysetFiles() {}

  /** The master keyset named by {@code sahay.crypto.master-keyset}, or its default place. */
  public static MasterKeyset master(String configured, String dataDirectory) {
    KeysetLocation location = KeysetLocation.resolve(configured, Path.of(dataDirectory));
    if (location.insideDataDirectory()) {
      log.warn(
          "The master keyset {} lies inside the data directory {}: a copy of that directory"
              + " carries the keys that open it, and erasure never reaches them. Stop Sahay, move"
              + " the keyset elsewhere (for example {}) and set SAHAY_MASTER_KEYSET to it; back up"
              + " the database and the keyset to different places.",
          location.path().toAbsolutePath(),
          Path.of(dataDirectory).toAbsolutePath().normalize(),
          KeysetLocation.besideDataDirectory(Path.of(dataDirectory)));
    }
    return MasterKeyset.loadOrCreate(location.path());
  }

  /**
   * The keyset that seals backup files ({@code sahay.backup.keyset}), by default beside the master
   * keyset. It is never rotated with the master keys: it opens the file, and the master keys of the
   * right epochs open what the file holds about people.
   */
  public static Path backupKeyset(String configured, MasterKeyset master) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.strip());
    }
    return master.file().toAbsolutePath().resolveSibling("backup-keyset.json");
  }
}
