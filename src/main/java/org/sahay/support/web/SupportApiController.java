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
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequests;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Support requests, decisions, disbursements and reconciliation over JSON. */
@RestController
@RequestMapping("/api/v1")
class SupportApiController {

  record CommentInput(String body) {}

  record ReversalInput(String reason) {}

  private final SupportRequests requests;
  private final Problems problems;
  private final MessageSource messages;

  SupportApiController(SupportRequests requests, Problems problems, MessageSource messages) {
    this.requests = requests;
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
  SupportRequest get(Actor actor, @PathVariable UUID id) {
    return requests.get(actor, id);
  }

  @PostMapping("/support-requests/{id}/submit")
  ResponseEntity<?> submit(Actor actor, @PathVariable UUID id, HttpServletRequest request) {
    return answer(requests.submit(actor, id), request, false);
  }

  @PostMapping("/support-requests/{id}/decision")
  ResponseEntity<?> decide(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody SupportInputs.Decision decision,
      HttpServletRequest request) {
    return answer(requests.decide(actor, id, decision), request, false);
  }

  @PostMapping("/support-requests/{id}/comments")
  ResponseEntity<?> comment(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody CommentInput input,
      HttpServletRequest request) {
    return answer(requests.comment(actor, id, input.body()), request, false);
  }

  @GetMapping("/support-requests/{id}/reconciliation")
  SupportRequests.Reconciliation reconciliation(Actor actor, @PathVariable UUID id) {
    return requests.reconciliation(actor, id);
  }

  /** The reconciliation as CSV: one row per line and recipient still waiting. */
  @GetMapping(path = "/support-requests/{id}/reconciliation.csv", produces = "text/csv")
  ResponseEntity<String> reconciliationCsv(Actor actor, @PathVariable UUID id) {
    SupportRequests.Reconciliation r = requests.reconciliation(actor, id);
    StringBuilder csv =
        new StringBuilder(
            "line,description,approved_paise,disbursed_paise,remaining_paise,waiting\r\n");
    for (SupportRequests.LineBalance line : r.lines()) {
      csv.append(line.number())
          .append(',')
          .append(cell(line.description()))
          .append(',')
          .append(line.approvedPaise())
          .append(',')
          .append(line.disbursedPaise())
          .append(',')
          .append(line.remainingPaise())
          .append(',')
          .append(cell(String.join(" ", line.waiting())))
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"reconciliation-" + id + ".csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  /** A CSV cell, quoted, with formulas neutralised (a leading =, +, - or @ gets a quote mark). */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  @GetMapping("/support-requests/{id}/disbursements")
  List<SupportRequests.Paid> disbursements(Actor actor, @PathVariable UUID id) {
    return requests.disbursements(actor, id);
  }

  /** Cash paid against a line of an approved request: {@code requestId} in the body. */
  @PostMapping("/disbursements")
  ResponseEntity<?> disburse(
      Actor actor, @RequestBody DisbursementBody body, HttpServletRequest request) {
    UUID requestId;
    try {
      requestId = UUID.fromString(String.valueOf(body.requestId()));
    } catch (IllegalArgumentException e) {
      return problems.invalid(
          Map.of("requestId", "support.request.unknown"), RequestContextUtils.getLocale(request));
    }
    return answer(
        requests.disburse(
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

  @PostMapping("/disbursements/{id}/reversal")
  ResponseEntity<?> reverse(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody ReversalInput input,
      HttpServletRequest request) {
    return answer(requests.reverse(actor, id, input.reason()), request, false);
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
