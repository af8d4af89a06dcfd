package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.Loan;
import org.sahay.care.Loans;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Informal debts over JSON: {@code /api/v1/loans}, for those who may read debts. */
@RestController
@RequestMapping("/api/v1/loans")
class LoanApiController {

  private final Loans loans;
  private final CareAnswers answers;

  LoanApiController(Loans loans, CareAnswers answers) {
    this.loans = loans;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody Loans.LoanInput input, HttpServletRequest request) {
    return answers.of(loans.record(actor, input), request, (Loan l) -> "/api/v1/loans/" + l.id());
  }

  /** The collective's open loans, flagged first; or one member's loans. */
  @GetMapping
  List<?> list(Actor actor, @RequestParam(required = false) String member) {
    if (member == null) {
      return loans.open(actor);
    }
    try {
      return loans.ofMember(actor, MemberId.of(member));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  /** Open and flagged loans as counts: exact for the collective, suppressed for its mentors. */
  @GetMapping("/counts")
  Loans.Counts counts(Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    OrganisationId collective = organisation == null ? actor.organisation() : organisation;
    if (collective == null) {
      throw new NotFoundException();
    }
    return loans.counts(actor, collective);
  }

  @GetMapping("/{id}")
  Loan get(Actor actor, @PathVariable UUID id) {
    return loans.get(actor, id);
  }

  @PutMapping("/{id}")
  ResponseEntity<?> change(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody Loans.Change change,
      HttpServletRequest request) {
    return answers.of(loans.change(actor, id, change), request, null);
  }

  @PostMapping("/{id}/repayments")
  ResponseEntity<?> repay(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody Loans.RepaymentInput input,
      HttpServletRequest request) {
    return answers.of(loans.repay(actor, id, input), request, null);
  }

  @GetMapping("/{id}/repayments")
  List<Loan.Repayment> repayments(Actor actor, @PathVariable UUID id) {
    return loans.get(actor, id).repayments();
  }
}
