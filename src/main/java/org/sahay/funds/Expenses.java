package org.sahay.funds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.ExpenseStore;
import org.sahay.funds.internal.Fields;
import org.sahay.funds.internal.FundStore;
import org.sahay.funds.internal.MoneyAccounts;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expenses paid from a fund: what they bought and how many people they reached. The fund's row is
 * locked first, so an expense can never take a restricted fund below zero, however many are
 * recorded at once; the refusal says how much is left.
 */
@Service
public class Expenses {

  static final int MAX_PEOPLE = 10_000_000;

  private final ExpenseStore store;
  private final FundStore funds;
  private final Books books;
  private final MoneyAccounts accounts;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Expenses(
      ExpenseStore store,
      FundStore funds,
      Books books,
      MoneyAccounts accounts,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.funds = funds;
    this.books = books;
    this.accounts = accounts;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  /** Records an expense of the actor's own organisation and posts it. */
  @Transactional
  public FundsOutcome<Expense> record(Actor by, ExpenseInput input) {
    OrganisationId own = Ledger.target(by, null);
    policy.require(by, FundsAction.FUNDS_WRITE, own);
    return recordOnBehalf(own, by.username(), input);
  }

  /**
   * Records and posts an expense of {@code own} for a module that has checked its own permission
   * with the access policy first (a cash disbursement against an approved support request, which a
   * leader may record without the right to record any expense).
   */
  @Transactional
  public FundsOutcome<Expense> recordOnBehalf(
      OrganisationId own, String username, ExpenseInput input) {
    books.open(own);
    Map<String, String> errors = new HashMap<>();
    UUID fundValue = Fields.id(input.fundId(), "fundId", "funds.fund.unknown", errors);
    FundId fundId = null;
    if (fundValue != null) {
      fundId = new FundId(fundValue);
      if (funds.find(fundId).filter(f -> f.organisation().equals(own)).isEmpty()) {
        errors.put("fundId", "funds.fund.unknown");
        fundId = null;
      }
    }
    LedgerAccount from = accounts.find(own, input.accountId(), true, "accountId", errors);
    ExpenseCategory category =
        Fields.choice(
            ExpenseCategory.class, input.category(), "category", "funds.expense.category", errors);
    String payee = Fields.text(input.payee(), 200, "payee", errors);
    Money amount = Fields.amount(input.amountPaise(), input.amount(), "amount", errors);
    LocalDate spentOn = Fields.date(input.spentOn(), true, "spentOn", errors);
    if (spentOn != null && spentOn.isAfter(today.at(own))) {
      errors.put("spentOn", "funds.date.future");
    }
    String bought = Fields.text(input.bought(), 500, "bought", errors);
    Integer people = input.peopleReached();
    if (people == null || people < 0 || people > MAX_PEOPLE) {
      errors.put("peopleReached", "funds.expense.people");
    }
    String reference = Fields.optionalText(input.reference(), 100, "reference", errors);
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    ExpenseId id = new ExpenseId(Ids.newId());
    FundStore.Row fund = funds.lock(fundId).orElseThrow();
    var posted =
        books.spend(
            fund, from, category, amount, spentOn, id.value(), "Expense: " + category, username);
    // The books refuse before they write, so a refusal leaves nothing to undo, and a caller's
    // transaction (a support payment) stays good.
    if (!(posted instanceof FundsOutcome.Done<JournalEntryId> done)) {
      return Outcomes.retyped(posted);
    }
    Expense expense =
        new Expense(
            id,
            fundId,
            from.id(),
            category,
            payee,
            amount.paise(),
            spentOn,
            bought,
            people,
            reference,
            done.value());
    store.insert(own, expense, username);
    audit.record(
        new AuditLog.Event(
            username,
            own,
            "EXPENSE_RECORDED",
            "expense",
            id.toString(),
            category + ", " + amount.paise() + " paise from fund " + fundId));
    return new FundsOutcome.Done<>(expense);
  }

  /**
   * Whether {@code id} is an expense of the organisation that was not reversed, for a module that
   * checked its own permission first (a stock receipt says which purchase paid for it).
   */
  @Transactional(readOnly = true)
  public boolean isStanding(OrganisationId organisation, UUID id) {
    return store
        .find(new ExpenseId(id))
        .filter(r -> r.organisation().equals(organisation) && !r.reversed())
        .isPresent();
  }

  /** The organisation's expenses, newest first. */
  @Transactional(readOnly = true)
  public java.util.List<ExpenseLine> all(Actor by, OrganisationId organisation) {
    OrganisationId target = Ledger.target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    return store.all(target).stream()
        .map(r -> new ExpenseLine(r.expense(), r.reversed(), r.hasProof()))
        .toList();
  }
}
