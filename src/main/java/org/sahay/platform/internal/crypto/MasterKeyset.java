package org.sahay.platform.internal.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keyset that wraps every data key. It lives in a file outside the database (in the data
 * directory, readable by its owner only, or at a path given in production), so that a copy of the
 * database alone reveals nothing encrypted.
 */
public final class MasterKeyset {

  private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private final Path file;
  private volatile KeysetHandle handle;

  private MasterKeyset(Path file, KeysetHandle handle) {
    this.file = file;
    this.handle = handle;
  }

  /** Loads the keyset at {@code file}, creating it (owner-only) when it does not exist yet. */
  public static MasterKeyset loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        warnIfOthersCanRead(file);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return new MasterKeyset(
            file, TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
      }
      KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      write(file, created);
      log.warn(
          "Created a new master keyset at {}. Back it up apart from the database: without it,"
              + " no encrypted field can be read.",
          file.toAbsolutePath());
      return new MasterKeyset(file, created);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master keyset at " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the master keyset at " + file + " is not valid", e);
    }
  }

  /** The AEAD of the current keyset: encrypts with the primary key, decrypts with any. */
  public Aead aead() {
    try {
      return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a new primary key (old keys stay, to unwrap until everything is rewrapped). */
  public Aead rotate() {
    try {
      KeysetHandle rotated =
          KeysetHandle.newBuilder(handle)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      write(file, rotated);
      handle = rotated;
      return aead();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Removes every key but the primary. Only safe right after {@link #rotate} rewrapped every data
   * key: from then on, wrapped keys in database backups made before the rotation cannot be opened,
   * so a member erased since then stays erased in those backups too.
   */
  public void retireOldKeys() {
    try {
      var builder = KeysetHandle.newBuilder(handle);
      for (int i = builder.size() - 1; i >= 0; i--) {
        if (!builder.getAt(i).isPrimary()) {
          builder.deleteAt(i);
        }
      }
      KeysetHandle retired = builder.build();
      write(file, retired);
      handle = retired;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public int size() {
    return handle.size();
  }

  public Path file() {
    return file;
  }

  private static void write(Path file, KeysetHandle keyset)
      throws IOException, GeneralSecurityException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    Path temp = Files.createTempFile(dir, ".master-keyset", ".tmp");
    if (posix) {
      Files.setPosixFilePermissions(temp, OWNER_ONLY);
    }
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    // On disk before it replaces the old file, and the rename on disk before we go on: a power cut
    // leaves either the old keyset or the new one, never a torn or empty file.
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(dir);
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some systems (Windows) cannot open a directory; the rename is as durable as they allow.
      log.debug("Cannot sync the keyset directory: {}", e.getClass().getSimpleName());
    }
  }

  private static void warnIfOthersCanRead(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        log.warn(
            "The master keyset {} can be read by others than its owner: chmod 600 it",
            file.toAbsolutePath());
      }
    }
  }
}
