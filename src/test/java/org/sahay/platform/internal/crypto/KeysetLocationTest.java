package org.sahay.platform.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetLocationTest {

  @TempDir Path root;

  @Test
  void aNewInstallationKeepsItsKeysetBesideTheDataDirectoryNotInIt() {
    Path data = root.resolve("data");
    KeysetLocation location = KeysetLocation.resolve("", data);
    assertThat(location.path()).isEqualTo(root.resolve("data-keys/master-keyset.json"));
    assertThat(location.insideDataDirectory()).isFalse();
  }

  @Test
  void aKeysetAnEarlierVersionCreatedInTheDataDirectoryIsStillUsedAndFlagged() throws Exception {
    Path data = root.resolve("data");
    Path earlier = data.resolve("keys/master-keyset.json");
    Files.createDirectories(earlier.getParent());
    Files.writeString(earlier, "{}");
    KeysetLocation location = KeysetLocation.resolve(null, data);
    assertThat(location.path()).isEqualTo(earlier);
    assertThat(location.insideDataDirectory()).isTrue();
  }

  @Test
  void aConfiguredPathWinsAndIsFlaggedWhenItLiesInTheDataDirectory() {
    Path data = root.resolve("data");
    assertThat(KeysetLocation.resolve(root.resolve("vault/keys.json").toString(), data))
        .isEqualTo(new KeysetLocation(root.resolve("vault/keys.json"), false));
    assertThat(
            KeysetLocation.resolve(data.resolve("sub/../keys.json").toString(), data)
                .insideDataDirectory())
        .isTrue();
  }
}
