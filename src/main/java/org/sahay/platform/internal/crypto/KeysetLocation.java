package org.sahay.platform.internal.crypto;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the master keyset lives. By default beside the data directory, never in it ({@code ./data}
 * gives {@code ./data-keys/master-keyset.json}), so that copying the data directory as a backup
 * does not copy the keys that open it. A keyset already in the data directory (where earlier
 * versions created it) is still used, with a warning at every start.
 */
record KeysetLocation(Path path, boolean insideDataDirectory) {

  static KeysetLocation resolve(String configured, Path dataDirectory) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    Path chosen;
    if (configured != null && !configured.isBlank()) {
      chosen = Path.of(configured.strip());
    } else {
      Path earlier = data.resolve("keys").resolve("master-keyset.json");
      chosen = Files.exists(earlier) ? earlier : besideDataDirectory(data);
    }
    Path absolute = chosen.toAbsolutePath().normalize();
    return new KeysetLocation(chosen, absolute.startsWith(data));
  }

  /** The default: {@code <data directory>-keys/master-keyset.json}, a sibling of the data. */
  static Path besideDataDirectory(Path dataDirectory) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    return data.resolveSibling(data.getFileName() + "-keys").resolve("master-keyset.json");
  }
}
