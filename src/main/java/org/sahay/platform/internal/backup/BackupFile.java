package org.sahay.platform.internal.backup;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The envelope of a backup file: a short header that holds the file's own key, wrapped under the
 * backup keyset, then the backup itself, compressed and encrypted with that key by Tink's streaming
 * AEAD (AES-256-GCM in 1 MB segments), which notices a changed, reordered or cut segment. The
 * header is bound to the ciphertext, so one file's key cannot be moved onto another's data.
 *
 * <p>The backup keyset never enters the file. Personal fields inside stay sealed as they are in the
 * database, under data keys wrapped by the master keyset: the backup keyset opens the file, and
 * only the master keyset of the right epochs opens what it holds about a person.
 */
final class BackupFile {

  static final byte[] MAGIC = "SAHAY-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_CONTEXT =
      "sahay-backup-file-key".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER = 4096;

  /** Not a Sahay backup, a damaged one, or one made under another backup keyset. */
  static final class Unreadable extends IOException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static {
    try {
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private BackupFile() {}

  /** Starts a backup on {@code out}; what is written to the answer is compressed and sealed. */
  static OutputStream seal(OutputStream out, Aead backupKeyset) throws IOException {
    try {
      KeysetHandle fileKey =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(fileKey, backupKeyset, KEY_CONTEXT);
      DataOutputStream header = new DataOutputStream(out);
      header.write(MAGIC);
      header.writeInt(wrapped.length);
      header.write(wrapped);
      header.flush();
      StreamingAead aead = fileKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      return new GZIPOutputStream(aead.newEncryptingStream(out, associatedData(wrapped)), 1 << 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a backup", e);
    }
  }

  /** Opens a backup written by {@link #seal}; the answer reads what was written, decompressed. */
  static InputStream open(InputStream in, Aead backupKeyset) throws IOException {
    DataInputStream header = new DataInputStream(in);
    byte[] magic = header.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new Unreadable("This file is not a Sahay backup.", null);
    }
    int length = header.readInt();
    if (length <= 0 || length > MAX_HEADER) {
      throw new Unreadable("This backup's header is damaged.", null);
    }
    byte[] wrapped = header.readNBytes(length);
    try {
      StreamingAead aead =
          TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, backupKeyset, KEY_CONTEXT)
              .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      return new GZIPInputStream(aead.newDecryptingStream(in, associatedData(wrapped)), 1 << 16);
    } catch (GeneralSecurityException e) {
      throw new Unreadable(
          "This backup was made under another backup keyset, or its header is damaged.", e);
    }
  }

  private static byte[] associatedData(byte[] wrappedKey) {
    byte[] data = Arrays.copyOf(MAGIC, MAGIC.length + wrappedKey.length);
    System.arraycopy(wrappedKey, 0, data, MAGIC.length, wrappedKey.length);
    return data;
  }
}
