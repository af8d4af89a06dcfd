package org.sahay.entitlements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A spreadsheet locked with a password: the Office agile encryption (AES-256), which Excel and
 * LibreOffice open when given the password. The password is made here, shown once to the person who
 * asked, and kept nowhere.
 */
final class ProtectedFiles {

  /** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ProtectedFiles() {}

  /** A new password of 14 characters (about 80 bits). */
  static String password() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** The XLSX file locked with the password. */
  static byte[] lock(byte[] xlsx, String password) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream out = encryptor.getDataStream(fs)) {
        out.write(xlsx);
      }
      var locked = new ByteArrayOutputStream();
      fs.writeFilesystem(locked);
      return locked.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
