package org.sahay.funds;

import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.ExpenseStore;
import org.sahay.platform.Documents;
import org.sahay.platform.NotFoundException;
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

  public static final int MAX_BYTES = Documents.MAX_BYTES;
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
      return Documents.extension(contentType);
    }
  }

  private final ExpenseStore store;
  private final Documents documents;
  private final AccessPolicy policy;
  private final AuditLog audit;

  ExpenseProofs(ExpenseStore store, Documents documents, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.documents = documents;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional
  public Upload upload(Actor by, ExpenseId id, byte[] content) {
    ExpenseStore.Row expense = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_WRITE, expense.organisation());
    Documents.Checked checked = Documents.check(content);
    if (!checked.ok()) {
      return checked.refusal() == Documents.Refusal.TOO_BIG
          ? Upload.TOO_BIG
          : Upload.NOT_IMAGE_OR_PDF;
    }
    byte[] sealed = documents.seal(id.value(), expense.organisation(), FIELD, checked);
    store.saveProof(
        expense.organisation(), id, checked.contentType(), content.length, sealed, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            expense.organisation(),
            "EXPENSE_PROOF_UPLOADED",
            "expense",
            id.toString(),
            checked.contentType() + ", " + content.length + " bytes"));
    return Upload.STORED;
  }

  @Transactional
  public Proof download(Actor by, ExpenseId id) {
    ExpenseStore.Row expense = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_WRITE, expense.organisation());
    ExpenseStore.Proof proof = store.proof(id).orElseThrow(NotFoundException::new);
    byte[] content =
        documents.open(id.value(), FIELD, proof.content()).orElseThrow(NotFoundException::new);
    audit.record(
        new AuditLog.Event(
            by.username(),
            expense.organisation(),
            "EXPENSE_PROOF_READ",
            "expense",
            id.toString(),
            proof.contentType()));
    return new Proof(proof.contentType(), content);
  }
}
