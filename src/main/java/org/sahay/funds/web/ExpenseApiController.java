package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import org.sahay.access.Actor;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.Expenses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recording expenses; a restricted fund that has too little answers 409 with what is left. */
@RestController
@RequestMapping("/api/v1/expenses")
class ExpenseApiController {

  private final Expenses expenses;
  private final FundsAnswers answers;

  ExpenseApiController(Expenses expenses, FundsAnswers answers) {
    this.expenses = expenses;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody ExpenseInput input, HttpServletRequest request) {
    return answers.created(
        expenses.record(actor, input),
        request,
        e -> "/api/v1/journal-entries/" + e.journalEntryId(),
        e -> e);
  }
}
