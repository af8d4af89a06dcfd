package org.sahay.funds;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.ExpenseStore;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof of an expense: an image or a PDF of at most 5 MB, recognised by its first bytes (never by
 * its name or declared type), stored encrypted under the expense's own data key. A bill can name
 * the people it helped, so only organisation admins upload and download it, and each download is
 * audited.
 */
@Service
public class ExpenseProofs {

  public static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final String FIELD = "proof";

  /** What became of an upload. */
  public enum Upload {
    STORED,
    TOO_BIG,
    NOT_IMAGE_OR_PDF
  }

  /** A proof to download. */
  public record Proof(String contentType, byte[] content) {
    public String extension() {
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
  }

  private final ExpenseStore store;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;

  ExpenseProofs(ExpenseStore store, Vault vault, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional
  public Upload upload(Actor by, ExpenseId id, byte[] content) {
    ExpenseStore.Row expense = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, Action.FUNDS_WRITE, expense.organisation());
    if (content.length > MAX_BYTES) {
      return Upload.TOO_BIG;
    }
    Optional<String> type = contentType(content);
    if (type.isEmpty()) {
      return Upload.NOT_IMAGE_OR_PDF;
    }
    if (!vault.hasKey(id.value())) {
      vault.createKey(id.value(), expense.organisation());
    }
    byte[] sealed = vault.encrypt(id.value(), FIELD, Base64.getEncoder().encodeToString(content));
    store.saveProof(expense.organisation(), id, type.get(), content.length, sealed, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            expense.organisation(),
            "EXPENSE_PROOF_UPLOADED",
            "expense",
            id.toString(),
            type.get() + ", " + content.length + " bytes"));
    return Upload.STORED;
  }

  @Transactional
  public Proof download(Actor by, ExpenseId id) {
    ExpenseStore.Row expense = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, Action.FUNDS_WRITE, expense.organisation());
    ExpenseStore.Proof proof = store.proof(id).orElseThrow(NotFoundException::new);
    String text =
        vault.decrypt(id.value(), FIELD, proof.content()).orElseThrow(NotFoundException::new);
    audit.record(
        new AuditLog.Event(
            by.username(),
            expense.organisation(),
            "EXPENSE_PROOF_READ",
            "expense",
            id.toString(),
            proof.contentType()));
    return new Proof(proof.contentType(), Base64.getDecoder().decode(text));
  }

  /** The type the first bytes say, among JPEG, PNG, WebP and PDF. */
  static Optional<String> contentType(byte[] b) {
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
