package org.sahay.platform;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Uploaded proofs, quotes and letters: an image (JPEG, PNG, WebP) or a PDF, recognised by its first
 * bytes (never by its name or declared type), sealed under a data key of its own subject in the
 * {@link Vault}, so that destroying that key makes the file unreadable, backups included.
 */
@Component
public class Documents {

  /** The most any one upload may hold. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Why an upload was not taken. */
  public enum Refusal {
    TOO_BIG,
    NOT_IMAGE_OR_PDF
  }

  /** A checked upload: its type and bytes, or why it was refused. */
  public record Checked(String contentType, byte[] content, Refusal refusal) {
    public boolean ok() {
      return refusal == null;
    }
  }

  private final Vault vault;

  Documents(Vault vault) {
    this.vault = vault;
  }

  /** Checks size and type before anything is stored. */
  public static Checked check(byte[] content) {
    if (content.length > MAX_BYTES) {
      return new Checked(null, null, Refusal.TOO_BIG);
    }
    return typeOf(content)
        .map(type -> new Checked(type, content, null))
        .orElseGet(() -> new Checked(null, null, Refusal.NOT_IMAGE_OR_PDF));
  }

  /** Seals a checked upload under the subject's data key, creating the key on first use. */
  public byte[] seal(UUID subject, OrganisationId organisation, String field, Checked checked) {
    if (!checked.ok()) {
      throw new IllegalArgumentException("a refused upload is never stored");
    }
    if (!vault.hasKey(subject)) {
      vault.createKey(subject, organisation);
    }
    return vault.encrypt(subject, field, Base64.getEncoder().encodeToString(checked.content()));
  }

  /** The bytes again; empty when the subject's key was destroyed. */
  public Optional<byte[]> open(UUID subject, String field, byte[] sealed) {
    return vault.decrypt(subject, field, sealed).map(Base64.getDecoder()::decode);
  }

  /** Destroys the subject's key: its files can never be opened again. */
  public void destroy(UUID subject) {
    vault.destroyKey(subject);
  }

  /** The file name ending for one of the accepted types. */
  public static String extension(String contentType) {
    switch (contentType) {
      case "image/jpeg":
        return "jpg";
      case "image/png":
        return "png";
      case "image/webp":
        return "webp";
      default:
        return "pdf";
    }
  }

  /** The type the first bytes say, among JPEG, PNG, WebP and PDF. */
  public static Optional<String> typeOf(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(b, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && Arrays.equals(Arrays.copyOfRange(b, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
      return Optional.of("image/webp");
    }
    if (starts(b, '%', 'P', 'D', 'F', '-')) {
      return Optional.of("application/pdf");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] content, int... magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((content[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
