package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.funds.BankAccountInput;
import org.sahay.funds.FundBalance;
import org.sahay.funds.FundBalances;
import org.sahay.funds.FundId;
import org.sahay.funds.FundKind;
import org.sahay.funds.JournalEntry;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.Ledger;
import org.sahay.funds.LedgerAccount;
import org.sahay.funds.TrialBalance;
import org.sahay.platform.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books as JSON: accounts, journal entries and their reversal, the trial balance and fund
 * balances, all in paise. {@code organisation} names another organisation the caller may see (one
 * it mentors, say); left out, it is the caller's own.
 */
@RestController
class LedgerApiController {

  /** A reversal as sent. */
  record ReversalRequest(String reason) {}

  /** A fund's balance with what remains. */
  record FundBody(
      FundId id,
      FundKind kind,
      String name,
      boolean restricted,
      boolean foreignContribution,
      long raised,
      long spent,
      long remaining) {
    static FundBody of(FundBalance f) {
      return new FundBody(
          f.id(),
          f.kind(),
          f.name(),
          f.restricted(),
          f.foreignContribution(),
          f.raised(),
          f.spent(),
          f.remaining());
    }
  }

  /** Every fund, then domestic and foreign money apart. */
  record FundsBody(
      List<FundBody> funds, FundBalances.Totals domestic, FundBalances.Totals foreign) {}

  private final Ledger ledger;
  private final FundsAnswers answers;

  LedgerApiController(Ledger ledger, FundsAnswers answers) {
    this.ledger = ledger;
    this.answers = answers;
  }

  @GetMapping("/api/v1/ledger/trial-balance")
  TrialBalance trialBalance(
      Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    return ledger.trialBalance(actor, organisation);
  }

  @GetMapping("/api/v1/ledger/accounts")
  List<LedgerAccount> accounts(
      Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    return ledger.accounts(actor, organisation);
  }

  @PostMapping("/api/v1/ledger/accounts")
  ResponseEntity<?> addBankAccount(
      Actor actor, @RequestBody BankAccountInput input, HttpServletRequest request) {
    return answers.created(
        ledger.addBankAccount(actor, input), request, a -> "/api/v1/ledger/accounts", a -> a);
  }

  @GetMapping("/api/v1/funds")
  FundsBody funds(Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    FundBalances balances = ledger.balances(actor, organisation);
    return new FundsBody(
        balances.funds().stream().map(FundBody::of).toList(),
        balances.domestic(),
        balances.foreign());
  }

  @GetMapping("/api/v1/journal-entries/{id}")
  JournalEntry entry(Actor actor, @PathVariable JournalEntryId id) {
    return ledger.entry(actor, id);
  }

  @PostMapping("/api/v1/journal-entries/{id}/reversal")
  ResponseEntity<?> reverse(
      Actor actor,
      @PathVariable JournalEntryId id,
      @RequestBody ReversalRequest body,
      HttpServletRequest request) {
    return answers.created(
        ledger.reverse(actor, id, body.reason()),
        request,
        e -> "/api/v1/journal-entries/" + e.id(),
        e -> e);
  }
}
