package org.sahay.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Language;
import org.sahay.platform.Money;
import org.sahay.platform.Problems;
import org.sahay.support.DisbursementId;
import org.sahay.support.SupportFiles;
import org.sahay.support.SupportGoods;
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportLineId;
import org.sahay.support.SupportLines;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportPayments;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequestId;
import org.sahay.support.SupportRequests;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Support requests, decisions, disbursements and reconciliation over JSON. */
@RestController
@RequestMapping("/api/v1")
class SupportApiController {

  record CommentInput(String body) {}

  record ReversalInput(String reason) {}

  private final SupportRequests requests;
  private final SupportPayments payments;
  private final SupportFiles files;
  private final SupportLines lines;
  private final Problems problems;
  private final MessageSource messages;
  private final SupportGoods goods;

  SupportApiController(
      SupportPayments payments,
      SupportRequests requests,
      SupportFiles files,
      SupportLines lines,
      Problems problems,
      MessageSource messages,
      SupportGoods goods) {
    this.goods = goods;
    this.requests = requests;
    this.payments = payments;
    this.files = files;
    this.lines = lines;
    this.problems = problems;
    this.messages = messages;
  }

  @PostMapping("/support-requests")
  ResponseEntity<?> create(
      Actor actor, @RequestBody SupportInputs.Request input, HttpServletRequest request) {
    return answer(requests.create(actor, input), request, true);
  }

  @GetMapping("/support-requests")
  List<SupportRequest> list(Actor actor) {
    return requests.list(actor);
  }

  @GetMapping("/support-requests/{id}")
  SupportRequest get(Actor actor, @PathVariable SupportRequestId id) {
    return requests.get(actor, id);
  }

  /** Adds a budget line to a draft; answers with the request as it now is. */
  @PostMapping("/support-requests/{id}/lines")
  ResponseEntity<?> addLine(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestBody SupportInputs.Line input,
      HttpServletRequest request) {
    return answer(request(actor, id, lines.add(actor, id, input)), request, true);
  }

  @PutMapping("/support-requests/{id}/lines/{lineId}")
  ResponseEntity<?> changeLine(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      @RequestBody SupportInputs.Line input,
      HttpServletRequest request) {
    return answer(request(actor, id, lines.change(actor, id, lineId, input)), request, false);
  }

  @DeleteMapping("/support-requests/{id}/lines/{lineId}")
  ResponseEntity<?> removeLine(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      HttpServletRequest request) {
    return answer(request(actor, id, lines.remove(actor, id, lineId)), request, false);
  }

  /** The request after a change of its lines, or what refused the change. */
  private SupportOutcome<?> request(
      Actor actor, SupportRequestId id, SupportOutcome<SupportLineId> changed) {
    return changed instanceof SupportOutcome.Done<SupportLineId>
        ? new SupportOutcome.Done<>(requests.get(actor, id))
        : changed;
  }

  @PostMapping("/support-requests/{id}/submit")
  ResponseEntity<?> submit(
      Actor actor, @PathVariable SupportRequestId id, HttpServletRequest request) {
    return answer(requests.submit(actor, id), request, false);
  }

  @PostMapping("/support-requests/{id}/close")
  ResponseEntity<?> close(
      Actor actor, @PathVariable SupportRequestId id, HttpServletRequest request) {
    return answer(requests.close(actor, id), request, false);
  }

  @PostMapping("/support-requests/{id}/decision")
  ResponseEntity<?> decide(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestBody SupportInputs.Decision decision,
      HttpServletRequest request) {
    return answer(requests.decide(actor, id, decision), request, false);
  }

  @PostMapping("/support-requests/{id}/comments")
  ResponseEntity<?> comment(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestBody CommentInput input,
      HttpServletRequest request) {
    return answer(requests.comment(actor, id, input.body()), request, false);
  }

  @GetMapping("/support-requests/{id}/reconciliation")
  SupportPayments.Reconciliation reconciliation(Actor actor, @PathVariable SupportRequestId id) {
    return payments.reconciliation(actor, id);
  }

  /** The reconciliation as CSV: one row per line and recipient still waiting; audited. */
  @GetMapping(path = "/support-requests/{id}/reconciliation.csv", produces = "text/csv")
  ResponseEntity<String> reconciliationCsv(Actor actor, @PathVariable SupportRequestId id) {
    return ReconciliationCsv.of(payments.reconciliationExport(actor, id), id);
  }

  /** Attaches a quote, list or letter (an image or PDF, at most 5 MB) as multipart field file. */
  @PostMapping(path = "/support-requests/{id}/attachments", consumes = "multipart/form-data")
  ResponseEntity<?> attach(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestParam("file") MultipartFile file,
      HttpServletRequest request) {
    return upload(file, request, bytes -> files.attach(actor, id, bytes));
  }

  @GetMapping("/support-requests/{id}/attachments")
  List<SupportFiles.Attachment> attachments(Actor actor, @PathVariable SupportRequestId id) {
    return files.attachments(actor, id);
  }

  @GetMapping("/support-requests/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(
      Actor actor, @PathVariable SupportRequestId id, @PathVariable UUID attachmentId) {
    return Uploads.download(
        files.attachment(actor, id, attachmentId), "attachment-" + attachmentId);
  }

  /**
   * The proof of a disbursement (an image or PDF) as multipart field file; replaces any earlier.
   */
  @PostMapping(path = "/disbursements/{id}/proof", consumes = "multipart/form-data")
  ResponseEntity<?> attachProof(
      Actor actor,
      @PathVariable DisbursementId id,
      @RequestParam("file") MultipartFile file,
      HttpServletRequest request) {
    return upload(file, request, bytes -> files.attachProof(actor, id, bytes));
  }

  @GetMapping("/disbursements/{id}/proof")
  ResponseEntity<byte[]> proof(Actor actor, @PathVariable DisbursementId id) {
    return Uploads.download(files.proof(actor, id), "proof-" + id);
  }

  /** A file too big to read is refused before its bytes are taken in. */
  private ResponseEntity<?> upload(
      MultipartFile file,
      HttpServletRequest request,
      java.util.function.Function<byte[], SupportOutcome<?>> store) {
    if (Uploads.tooBig(file)) {
      return problems.invalid(
          Map.of("file", "support.file.TOO_BIG"), RequestContextUtils.getLocale(request));
    }
    return answer(store.apply(Uploads.bytes(file)), request, true);
  }

  @GetMapping("/support-requests/{id}/disbursements")
  List<SupportPayments.Paid> disbursements(Actor actor, @PathVariable SupportRequestId id) {
    return payments.disbursements(actor, id);
  }

  /** Cash paid against a line of an approved request: {@code requestId} in the body. */
  @PostMapping("/disbursements")
  ResponseEntity<?> disburse(
      Actor actor, @RequestBody DisbursementBody body, HttpServletRequest request) {
    SupportRequestId requestId;
    try {
      requestId = SupportRequestId.of(String.valueOf(body.requestId()));
    } catch (IllegalArgumentException e) {
      return problems.invalid(
          Map.of("requestId", "support.request.unknown"), RequestContextUtils.getLocale(request));
    }
    return answer(
        payments.disburse(
            actor,
            requestId,
            new SupportInputs.Disbursement(
                body.lineId(),
                body.memberId(),
                body.householdId(),
                body.amountPaise(),
                body.amount(),
                body.mode(),
                body.accountId(),
                body.reference(),
                body.paidOn(),
                body.meetsNeeds())),
        request,
        true);
  }

  /**
   * Goods of an approved goods line that arrived from the funder: received into stock and counted
   * against the line, never beyond what was approved.
   */
  @PostMapping("/support-requests/{id}/deliveries")
  ResponseEntity<?> deliver(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestBody SupportInputs.Delivery body,
      HttpServletRequest request) {
    return answer(goods.deliver(actor, id, body), request, true);
  }

  @PostMapping("/disbursements/{id}/reversal")
  ResponseEntity<?> reverse(
      Actor actor,
      @PathVariable DisbursementId id,
      @RequestBody ReversalInput input,
      HttpServletRequest request) {
    return answer(payments.reverse(actor, id, input.reason()), request, false);
  }

  /** A disbursement as sent: the request and line, whom, how much, how, when. */
  record DisbursementBody(
      String requestId,
      String lineId,
      String memberId,
      String householdId,
      Long amountPaise,
      String amount,
      String mode,
      String accountId,
      String reference,
      String paidOn,
      List<String> meetsNeeds) {}

  private ResponseEntity<?> answer(
      SupportOutcome<?> outcome, HttpServletRequest request, boolean created) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (outcome instanceof SupportOutcome.Done<?> done) {
      return created
          ? ResponseEntity.status(HttpStatus.CREATED).body(done.value())
          : ResponseEntity.ok(done.value());
    }
    if (outcome instanceof SupportOutcome.Refused<?> refused) {
      Language language = Language.of(locale);
      Object[] args =
          refused.args().stream()
              .map(a -> a instanceof Money m ? IndianFormats.money(m, language) : a)
              .toArray();
      var problem = problems.of(HttpStatus.CONFLICT, null, locale);
      problem.setDetail(messages.getMessage(refused.messageKey(), args, locale));
      if (refused.earlier() != null) {
        problem.setProperty("earlier", refused.earlier());
      }
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return problems.invalid(((SupportOutcome.Invalid<?>) outcome).errors(), locale);
  }
}
