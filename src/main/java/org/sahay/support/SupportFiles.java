package org.sahay.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.Documents;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.MemberErased;
import org.sahay.support.internal.PaymentStore;
import org.sahay.support.internal.SupportFileStore;
import org.sahay.support.internal.SupportStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes, lists and letters attached to a support request, readable by whoever may read the
 * request; and the proof of each disbursement, which names the person paid and so stays with the
 * collective. Both are an image or a PDF of at most 5 MB, sealed in the vault; every read is
 * audited. A member's erasure destroys the keys of the proofs of what she was paid.
 */
@Service
public class SupportFiles {

  /** An attachment as listed: what kind of file, how big, who uploaded it and when. */
  public record Attachment(
      UUID id, String contentType, int sizeBytes, String uploadedBy, OffsetDateTime uploadedAt) {}

  /** A file to download. */
  public record Download(String contentType, byte[] content) {
    public String extension() {
      return Documents.extension(contentType);
    }
  }

  private static final String ATTACHMENT = "attachment:";
  private static final String PROOF = "proof";

  private final SupportRequests requests;
  private final SupportPayments payments;
  private final SupportStore store;
  private final PaymentStore paymentStore;
  private final SupportFileStore files;
  private final Documents documents;
  private final AccessPolicy policy;
  private final AuditLog audit;

  SupportFiles(
      PaymentStore paymentStore,
      SupportRequests requests,
      SupportPayments payments,
      SupportStore store,
      SupportFileStore files,
      Documents documents,
      AccessPolicy policy,
      AuditLog audit) {
    this.requests = requests;
    this.payments = payments;
    this.store = store;
    this.paymentStore = paymentStore;
    this.files = files;
    this.documents = documents;
    this.policy = policy;
    this.audit = audit;
  }

  /** Attaches a file to a request of the actor's collective. */
  @Transactional
  public SupportOutcome<Attachment> attach(Actor by, SupportRequestId requestId, byte[] content) {
    SupportStore.Request r = own(by, requestId);
    Documents.Checked checked = Documents.check(content);
    if (!checked.ok()) {
      return refusal(checked);
    }
    UUID id = Ids.newId();
    files.insert(
        new SupportFileStore.File(
            id,
            requestId.value(),
            null,
            r.organisation(),
            checked.contentType(),
            content.length,
            by.username(),
            null,
            documents.seal(requestId.value(), r.organisation(), ATTACHMENT + id, checked)));
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_ATTACHMENT_UPLOADED",
            "support_request",
            requestId.toString(),
            checked.contentType() + ", " + content.length + " bytes, attachment " + id));
    return new SupportOutcome.Done<>(
        files.attachments(requestId.value()).stream()
            .filter(a -> a.id().equals(id))
            .map(SupportFiles::attachment)
            .findFirst()
            .orElseThrow());
  }

  @Transactional(readOnly = true)
  public List<Attachment> attachments(Actor by, SupportRequestId requestId) {
    requests.readable(by, requestId);
    return files.attachments(requestId.value()).stream().map(SupportFiles::attachment).toList();
  }

  /** One attachment, for whoever may read its request; the read is audited. */
  @Transactional
  public Download attachment(Actor by, SupportRequestId requestId, UUID attachmentId) {
    SupportStore.Request r = requests.readable(by, requestId);
    SupportFileStore.File file =
        files.attachment(requestId.value(), attachmentId).orElseThrow(NotFoundException::new);
    byte[] content =
        documents
            .open(requestId.value(), ATTACHMENT + attachmentId, file.content())
            .orElseThrow(NotFoundException::new);
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            "SUPPORT_ATTACHMENT_READ",
            "support_request",
            requestId.toString(),
            "attachment " + attachmentId));
    return new Download(file.contentType(), content);
  }

  /**
   * Records a disbursement with its proof in one transaction: a proof that is too big or not an
   * image or PDF is refused before anything is recorded.
   */
  @Transactional
  public SupportOutcome<SupportPayments.Paid> disburse(
      Actor by, SupportRequestId requestId, SupportInputs.Disbursement input, byte[] proof) {
    Documents.Checked checked = proof == null ? null : Documents.check(proof);
    if (checked != null && !checked.ok()) {
      return refusal(checked);
    }
    // A payment refused or invalid wrote nothing, so there is nothing to undo here.
    SupportOutcome<SupportPayments.Paid> paid = payments.disburse(by, requestId, input);
    if (!(paid instanceof SupportOutcome.Done<SupportPayments.Paid> done)) {
      return paid;
    }
    if (checked != null) {
      store(by, paymentStore.disbursement(done.value().id()).orElseThrow(), checked);
    }
    return paid;
  }

  /** Adds or replaces the proof of a disbursement of the actor's collective. */
  @Transactional
  public SupportOutcome<DisbursementId> attachProof(
      Actor by, DisbursementId disbursementId, byte[] content) {
    PaymentStore.Disbursement d = disbursementOf(by, disbursementId);
    Documents.Checked checked = Documents.check(content);
    if (!checked.ok()) {
      return refusal(checked);
    }
    store(by, d, checked);
    return new SupportOutcome.Done<>(disbursementId);
  }

  /** The proof of a disbursement, for its collective's leaders and admins; audited. */
  @Transactional
  public Download proof(Actor by, DisbursementId disbursementId) {
    PaymentStore.Disbursement d = disbursementOf(by, disbursementId);
    SupportFileStore.File file =
        files.proof(disbursementId.value()).orElseThrow(NotFoundException::new);
    byte[] content =
        documents
            .open(disbursementId.value(), PROOF, file.content())
            .orElseThrow(NotFoundException::new);
    audit.record(
        new AuditLog.Event(
            by.username(),
            d.organisation(),
            "DISBURSEMENT_PROOF_READ",
            "support_request",
            d.request().toString(),
            "disbursement " + disbursementId));
    return new Download(file.contentType(), content);
  }

  /** Which disbursements of a request have a proof; empty for those who may not read proofs. */
  @Transactional(readOnly = true)
  public Set<DisbursementId> withProof(Actor by, SupportRequestId requestId) {
    SupportStore.Request r = requests.readable(by, requestId);
    if (!r.organisation().equals(by.organisation())
        || !policy.permits(by, SupportAction.SUPPORT_REQUEST, r.organisation())) {
      return Set.of();
    }
    return files
        .withProof(paymentStore.disbursements(requestId).stream().map(d -> d.id().value()).toList())
        .stream()
        .map(DisbursementId::new)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** An erased member's payment proofs can never be opened again, backups included. */
  @EventListener
  void on(MemberErased erased) {
    for (UUID d :
        files.disbursementsTo(erased.organisation(), Beneficiary.member(erased.member()).key())) {
      documents.destroy(d);
    }
  }

  private void store(Actor by, PaymentStore.Disbursement d, Documents.Checked checked) {
    files.insert(
        new SupportFileStore.File(
            Ids.newId(),
            d.request().value(),
            d.id().value(),
            d.organisation(),
            checked.contentType(),
            checked.content().length,
            by.username(),
            null,
            documents.seal(d.id().value(), d.organisation(), PROOF, checked)));
    audit.record(
        new AuditLog.Event(
            by.username(),
            d.organisation(),
            "DISBURSEMENT_PROOF_UPLOADED",
            "support_request",
            d.request().toString(),
            checked.contentType() + ", disbursement " + d.id()));
  }

  private SupportStore.Request own(Actor by, SupportRequestId requestId) {
    SupportStore.Request r = requests.readable(by, requestId);
    if (!r.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    return r;
  }

  private PaymentStore.Disbursement disbursementOf(Actor by, DisbursementId disbursementId) {
    PaymentStore.Disbursement d =
        paymentStore.disbursement(disbursementId).orElseThrow(NotFoundException::new);
    if (!d.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, SupportAction.SUPPORT_REQUEST, d.organisation());
    return d;
  }

  private static <T> SupportOutcome<T> refusal(Documents.Checked checked) {
    return new SupportOutcome.Invalid<>(Map.of("file", "support.file." + checked.refusal()));
  }

  private static Attachment attachment(SupportFileStore.File f) {
    return new Attachment(f.id(), f.contentType(), f.sizeBytes(), f.uploadedBy(), f.uploadedAt());
  }
}
