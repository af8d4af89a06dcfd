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
import java.time.Instant;
import java.util.HashSet;
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
  private volatile KeyEpochs epochs;

  /** The keyset file's modified time and size when last read again: unchanged, it is not parsed. */
  private String lastStamp;

  private MasterKeyset(Path file, KeysetHandle handle) throws IOException {
    this.file = file;
    this.handle = handle;
    this.epochs = KeyEpochs.read(file, keyIds(handle), primaryId(handle));
  }

  /** Loads the keyset at {@code file}, creating it (owner-only) when it does not exist yet. */
  public static MasterKeyset loadOrCreate(Path file) {
    return loadOrCreate(file, "master keyset");
  }

  /** As {@link #loadOrCreate(Path)}, for a keyset of another use ({@code what} says which). */
  public static MasterKeyset loadOrCreate(Path file, String what) {
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
          "Created a new {} at {}. Back it up apart from the database and its backups: without"
              + " it, what it seals cannot be read.",
          what,
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
    return rotate(Instant.now());
  }

  /** Adds a new primary key whose epoch begins at {@code now}. */
  public synchronized Aead rotate(Instant now) {
    try {
      KeysetHandle rotated =
          KeysetHandle.newBuilder(handle)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      KeyEpochs next = epochs.rotated(primaryId(rotated), now);
      write(file, rotated);
      writeEpochs(next);
      handle = rotated;
      epochs = next;
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
    Set<Long> old = new HashSet<>(keyIds(handle));
    old.remove(primaryId(handle));
    retire(old, Instant.now());
  }

  /**
   * Destroys the keys whose epoch ended at or before {@code cutoff} (the backup retention period
   * before now); the answer is the keys destroyed. Only safe once no data key in the database is
   * wrapped under them (see {@link #keyIdOf}).
   */
  public synchronized Set<Long> retire(Set<Long> keys, Instant now) {
    Set<Long> removed = new HashSet<>();
    try {
      var builder = KeysetHandle.newBuilder(handle);
      // The builder keeps the handle's entries in their order.
      for (int i = builder.size() - 1; i >= 0; i--) {
        long id = Integer.toUnsignedLong(handle.getAt(i).getId());
        if (!builder.getAt(i).isPrimary() && keys.contains(id)) {
          builder.deleteAt(i);
          removed.add(id);
        }
      }
      if (removed.isEmpty()) {
        return removed;
      }
      KeysetHandle retired = builder.build();
      KeyEpochs next = epochs.retired(removed, now);
      write(file, retired);
      writeEpochs(next);
      handle = retired;
      epochs = next;
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads the keyset file again when it changed since this node read it (another node rotated or
   * retired a key); true when it did.
   */
  public synchronized boolean reloadIfChanged() {
    try {
      String stamp = Files.getLastModifiedTime(file) + "/" + Files.size(file);
      if (stamp.equals(lastStamp)) {
        return false;
      }
      lastStamp = stamp;
      String json = Files.readString(file, StandardCharsets.UTF_8);
      KeysetHandle current =
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      if (keyIds(current).equals(keyIds(handle)) && primaryId(current) == primaryId(handle)) {
        return false;
      }
      epochs = KeyEpochs.read(file, keyIds(current), primaryId(current));
      handle = current;
      log.info("Read the master keyset again: another node changed it");
      return true;
    } catch (IOException | GeneralSecurityException e) {
      log.warn("Cannot read the master keyset {} again: {}", file, e.getClass().getSimpleName());
      return false;
    }
  }

  public int size() {
    return handle.size();
  }

  /** Keys still held whose epoch ended at or before {@code cutoff}. */
  public Set<Long> endedBy(Instant cutoff) {
    return epochs.endedBy(cutoff);
  }

  /** Keys this keyset once held and destroyed on purpose. */
  public Set<Long> retiredKeys() {
    return epochs.retiredKeys();
  }

  /** When the current primary key's epoch began. */
  public Instant primarySince() {
    return epochs.primarySince().orElse(Instant.EPOCH);
  }

  public long primaryKeyId() {
    return primaryId(handle);
  }

  /**
   * The id of the master key that wrapped {@code wrapped} (a data key as {@code data_key} stores
   * it: Tink's encrypted keyset, whose ciphertext begins with a version byte and the key's id).
   */
  public static long keyIdOf(byte[] wrapped) {
    try {
      byte[] ciphertext =
          com.google.crypto.tink.proto.EncryptedKeyset.parseFrom(
                  wrapped, com.google.protobuf.ExtensionRegistryLite.getEmptyRegistry())
              .getEncryptedKeyset()
              .toByteArray();
      if (ciphertext.length < 5 || ciphertext[0] != 1) {
        return -1;
      }
      return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return -1;
    }
  }

  private static Set<Long> keyIds(KeysetHandle keyset) {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < keyset.size(); i++) {
      ids.add(Integer.toUnsignedLong(keyset.getAt(i).getId()));
    }
    return ids;
  }

  private static long primaryId(KeysetHandle keyset) {
    return Integer.toUnsignedLong(keyset.getPrimary().getId());
  }

  private void writeEpochs(KeyEpochs next) throws IOException {
    writeAtomically(KeyEpochs.fileBeside(file), next.json());
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
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    writeAtomically(file, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp = Files.createTempFile(dir, ".master-keyset", ".tmp");
    if (posix) {
      Files.setPosixFilePermissions(temp, OWNER_ONLY);
    }
    // On disk before it replaces the old file, and the rename on disk before we go on: a power cut
    // leaves either the old keyset or the new one, never a torn or empty file.
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(content));
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
