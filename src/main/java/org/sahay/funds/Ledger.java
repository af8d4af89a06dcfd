package org.sahay.funds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.Fields;
import org.sahay.funds.internal.FundStore;
import org.sahay.funds.internal.GrantStore;
import org.sahay.funds.internal.LedgerStore;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's books: the chart of accounts, posted journal entries and their reversal, the
 * trial balance and every fund's balance. Donations, grant instalments and expenses post to it
 * through their own services.
 */
@Service
public class Ledger {

  private final LedgerStore store;
  private final FundStore funds;
  private final GrantStore grants;
  private final Books books;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Ledger(
      LedgerStore store,
      FundStore funds,
      GrantStore grants,
      Books books,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.funds = funds;
    this.grants = grants;
    this.books = books;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  /** The organisation whose books a call is about: the one named, else the actor's own. */
  static OrganisationId target(Actor by, OrganisationId named) {
    OrganisationId target = named != null ? named : by.organisation();
    if (target == null) {
      throw new NotFoundException();
    }
    return target;
  }

  @Transactional
  public List<LedgerAccount> accounts(Actor by, OrganisationId organisation) {
    OrganisationId target = target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    books.open(target);
    return store.accounts(target);
  }

  /**
   * The organisation's bank account when it has exactly one, for a module that checked its own
   * permission first (a UPI or bank payment of support names no account: it comes from the bank).
   */
  @Transactional(readOnly = true)
  public Optional<AccountId> soleBankAccount(OrganisationId organisation) {
    List<LedgerAccount> banks =
        store.accounts(organisation).stream().filter(a -> a.kind() == AccountKind.BANK).toList();
    return banks.size() == 1 ? Optional.of(banks.get(0).id()) : Optional.empty();
  }

  /** Adds a bank account to the actor's own books. */
  @Transactional
  public FundsOutcome<LedgerAccount> addBankAccount(Actor by, BankAccountInput input) {
    OrganisationId own = target(by, null);
    policy.require(by, FundsAction.FUNDS_WRITE, own);
    Map<String, String> errors = new HashMap<>();
    String name = Fields.text(input.name(), 200, "name", errors);
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    books.open(own);
    LedgerAccount account = books.newBankAccount(own, name, Boolean.TRUE.equals(input.fcra()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "BANK_ACCOUNT_ADDED",
            "ledger_account",
            account.id().toString(),
            account.fcra() ? "FCRA" : "domestic"));
    return new FundsOutcome.Done<>(account);
  }

  @Transactional(readOnly = true)
  public TrialBalance trialBalance(Actor by, OrganisationId organisation) {
    OrganisationId target = target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    return store.trialBalance(target);
  }

  /**
   * Every fund's balance. A funder's viewer, who may not see the organisation's other money, gets
   * the funds of the grants its funder gave only.
   */
  @Transactional(readOnly = true)
  public FundBalances balances(Actor by, OrganisationId organisation) {
    OrganisationId target = target(by, organisation);
    if (policy.permits(by, FundsAction.FUNDS_READ, target)) {
      return FundBalances.of(funds.all(target).stream().map(FundStore.Row::balance).toList());
    }
    policy.require(by, FundsAction.GRANT_READ, target);
    Set<FundId> given = grants.fundsGivenBy(target, by.organisation());
    return FundBalances.of(
        funds.all(target).stream()
            .filter(f -> given.contains(f.id()))
            .map(FundStore.Row::balance)
            .toList());
  }

  @Transactional(readOnly = true)
  public JournalEntry entry(Actor by, JournalEntryId id) {
    LedgerStore.Stored stored = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, stored.organisation());
    return stored.entry();
  }

  /** Posts the mirror entry of a posted one, dated today, with a reason; once only. */
  @Transactional
  public FundsOutcome<JournalEntry> reverse(Actor by, JournalEntryId id, String reason) {
    LedgerStore.Stored stored = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_WRITE, stored.organisation());
    return reverseOnBehalf(stored.organisation(), by.username(), id, reason);
  }

  /**
   * Reverses an entry of {@code owner} for a module that has checked its own permission with the
   * access policy first (correcting a cash disbursement); an entry of another organisation is 404.
   */
  @Transactional
  public FundsOutcome<JournalEntry> reverseOnBehalf(
      OrganisationId owner, String username, JournalEntryId id, String reason) {
    LedgerStore.Stored stored = store.find(id).orElseThrow(NotFoundException::new);
    if (!stored.organisation().equals(owner)) {
      throw new NotFoundException();
    }
    Map<String, String> errors = new HashMap<>();
    String why = Fields.text(reason, 500, "reason", errors);
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    var outcome = books.reverse(stored, why, today.at(stored.organisation()), username);
    if (outcome instanceof FundsOutcome.Done<JournalEntryId> done) {
      audit.record(
          new AuditLog.Event(
              username,
              stored.organisation(),
              "JOURNAL_ENTRY_REVERSED",
              "journal_entry",
              id.toString(),
              "reversal " + done.value() + ", " + stored.entry().debitsPaise() + " paise"));
      return new FundsOutcome.Done<>(store.find(done.value()).orElseThrow().entry());
    }
    return Outcomes.retyped(outcome);
  }
}
