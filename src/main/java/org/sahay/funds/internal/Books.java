package org.sahay.funds.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.sahay.funds.AccountKind;
import org.sahay.funds.ExpenseCategory;
import org.sahay.funds.FundId;
import org.sahay.funds.FundKind;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.FundsOutcome.Refusal;
import org.sahay.funds.JournalEntry;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.LedgerAccount;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * The rules of the books, in one place: the chart of accounts every organisation starts with, how
 * money received and money spent is posted, what may not happen to a fund, and reversals.
 *
 * <p>Money received: debit the cash or bank account, credit the fund. Money spent: debit the
 * expense category and credit the cash or bank account; and, because a fund is net assets set
 * aside, debit the fund and credit the income account for funds utilised, as the ICAI guidance for
 * non-profits treats earmarked funds. So the fund's account always holds its remaining money, and
 * the income and expenditure account shows both what was spent and from which funds.
 */
@Component
public class Books {

  public static final String CASH = "CASH";
  public static final String UNRESTRICTED = "FUND:UNRESTRICTED";
  public static final String FUNDS_UTILISED = "INCOME:FUNDS_UTILISED";

  private final LedgerStore ledger;
  private final FundStore funds;

  Books(LedgerStore ledger, FundStore funds) {
    this.ledger = ledger;
    this.funds = funds;
  }

  public static String expenseCode(ExpenseCategory category) {
    return "EXPENSE:" + category.name();
  }

  /**
   * Opens the organisation's books with its chart of accounts, once, in the caller's own
   * transaction and connection. A concurrent first posting waits for the ledger row this one makes,
   * then finds the books open; none holds one connection while it waits for another.
   */
  public void open(OrganisationId organisation) {
    if (ledger.hasLedger(organisation) || !ledger.startLedger(organisation)) {
      return;
    }
    ledger.insertAccount(organisation, CASH, AccountKind.CASH, "Cash in hand", false);
    LedgerAccount general =
        ledger.insertAccount(
            organisation, UNRESTRICTED, AccountKind.FUND, "Unrestricted fund", false);
    funds.insert(
        organisation, general.id(), FundKind.UNRESTRICTED, "Unrestricted fund", false, false);
    ledger.insertAccount(
        organisation,
        FUNDS_UTILISED,
        AccountKind.INCOME,
        "Funds utilised for their purposes",
        false);
    for (ExpenseCategory category : ExpenseCategory.values()) {
      ledger.insertAccount(
          organisation,
          expenseCode(category),
          AccountKind.EXPENSE,
          "Expenses: " + category.name().toLowerCase().replace('_', ' '),
          false);
    }
  }

  /** A new fund with its own account, in the caller's transaction. */
  public FundStore.Row newFund(
      OrganisationId organisation,
      FundKind kind,
      String name,
      boolean restricted,
      boolean foreignContribution) {
    UUID key = UUID.randomUUID();
    LedgerAccount account =
        ledger.insertAccount(organisation, "FUND:" + key, AccountKind.FUND, name, false);
    return funds.insert(organisation, account.id(), kind, name, restricted, foreignContribution);
  }

  public LedgerAccount newBankAccount(OrganisationId organisation, String name, boolean fcra) {
    long n = ledger.countAccounts(organisation, AccountKind.BANK) + 1;
    return ledger.insertAccount(
        organisation, "BANK:" + n + ":" + UUID.randomUUID(), AccountKind.BANK, name, fcra);
  }

  /** Foreign money is received and spent only through FCRA accounts, and only foreign money. */
  public static Optional<Refusal> keepsForeignMoneyApart(
      boolean foreignFund, LedgerAccount account) {
    boolean fcraAccount = account.kind() == AccountKind.BANK && account.fcra();
    if (foreignFund && !fcraAccount) {
      return Optional.of(Refusal.FOREIGN_NEEDS_FCRA_ACCOUNT);
    }
    if (!foreignFund && fcraAccount) {
      return Optional.of(Refusal.FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY);
    }
    return Optional.empty();
  }

  /** Posts money received into a locked fund through a cash or bank account. */
  public FundsOutcome<JournalEntryId> receive(
      FundStore.Row fund,
      LedgerAccount into,
      Money amount,
      LocalDate date,
      Posting.Kind kind,
      UUID source,
      String description,
      String by) {
    Optional<Refusal> apart = keepsForeignMoneyApart(fund.foreignContribution(), into);
    if (apart.isPresent()) {
      return new FundsOutcome.Refused<>(apart.get());
    }
    Posting posting =
        new Posting(
            kind,
            date,
            description,
            source,
            null,
            null,
            List.of(
                Posting.Line.debit(into.id(), amount.paise()),
                Posting.Line.credit(fund.account(), amount.paise())));
    JournalEntryId entry = ledger.insert(fund.organisation(), posting, by);
    funds.addRaised(fund.id(), amount.paise());
    return new FundsOutcome.Done<>(entry);
  }

  /**
   * Posts money spent from a locked fund through a cash or bank account; refused when it would take
   * a restricted fund, or the cash or bank account it is paid from, below zero.
   */
  public FundsOutcome<JournalEntryId> spend(
      FundStore.Row fund,
      LedgerAccount from,
      ExpenseCategory category,
      Money amount,
      LocalDate date,
      UUID source,
      String description,
      String by) {
    if (fund.restricted() && fund.remaining() < amount.paise()) {
      return new FundsOutcome.Refused<>(
          Refusal.NOT_ENOUGH_IN_FUND, Money.ofPaise(fund.remaining()), amount);
    }
    Optional<Refusal> apart = keepsForeignMoneyApart(fund.foreignContribution(), from);
    if (apart.isPresent()) {
      return new FundsOutcome.Refused<>(apart.get());
    }
    // Locked after the fund (every spend locks in that order), so payments from one cash box
    // queue behind each other instead of both seeing the same money.
    long inAccount = ledger.lockedBalance(fund.organisation(), from.id());
    if (inAccount < amount.paise()) {
      return new FundsOutcome.Refused<>(
          Refusal.NOT_ENOUGH_IN_ACCOUNT, Money.ofPaise(Math.max(0, inAccount)), amount);
    }
    OrganisationId organisation = fund.organisation();
    long paise = amount.paise();
    Posting posting =
        new Posting(
            Posting.Kind.EXPENSE,
            date,
            description,
            source,
            null,
            null,
            List.of(
                Posting.Line.debit(
                    ledger.accountByCode(organisation, expenseCode(category)).id(), paise),
                Posting.Line.credit(from.id(), paise),
                Posting.Line.debit(fund.account(), paise),
                Posting.Line.credit(
                    ledger.accountByCode(organisation, FUNDS_UTILISED).id(), paise)));
    JournalEntryId entry = ledger.insert(organisation, posting, by);
    funds.addSpent(fund.id(), paise);
    return new FundsOutcome.Done<>(entry);
  }

  /**
   * Posts the mirror of an entry with a reason, once; refused for a reversal, for an entry reversed
   * already, and when it would take a restricted fund, or the cash or bank account the money came
   * into, below zero (money received and spent since).
   */
  public FundsOutcome<JournalEntryId> reverse(
      LedgerStore.Stored original, String reason, LocalDate date, String by) {
    JournalEntry entry = original.entry();
    if ("REVERSAL".equals(entry.kind())) {
      return new FundsOutcome.Refused<>(Refusal.REVERSAL_OF_REVERSAL);
    }
    ledger.lockEntry(entry.id());
    if (ledger.isReversed(entry.id())) {
      return new FundsOutcome.Refused<>(Refusal.ALREADY_REVERSED);
    }
    // Per fund: what the reversal takes from raised and from spent. Locked in id order.
    Map<FundId, long[]> changes = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    Map<FundId, FundStore.Row> touched = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    List<Posting.Line> lines = new ArrayList<>();
    for (JournalEntry.Line line : entry.lines()) {
      lines.add(new Posting.Line(line.account(), line.debitPaise(), line.creditPaise()));
      funds
          .byAccount(line.account())
          .ifPresent(
              fund -> {
                long[] change = changes.computeIfAbsent(fund.id(), id -> new long[2]);
                change[0] -= line.creditPaise();
                change[1] -= line.debitPaise();
              });
    }
    for (FundId id : changes.keySet()) {
      touched.put(id, funds.lock(id).orElseThrow());
    }
    for (var change : changes.entrySet()) {
      FundStore.Row fund = touched.get(change.getKey());
      long remainingAfter =
          (fund.raised() + change.getValue()[0]) - (fund.spent() + change.getValue()[1]);
      if (fund.restricted() && remainingAfter < 0) {
        return new FundsOutcome.Refused<>(
            Refusal.NOT_ENOUGH_IN_FUND,
            Money.ofPaise(fund.remaining()),
            Money.ofPaise(-change.getValue()[0]));
      }
    }
    // Money that came into cash or a bank account goes back out of it: not below zero, whatever
    // the fund says (cash given to one fund may have paid another fund's expense since).
    for (JournalEntry.Line line : entry.lines()) {
      if (line.debitPaise() == 0) {
        continue;
      }
      boolean moneyAccount =
          ledger
              .account(original.organisation(), line.account())
              .map(a -> a.kind() == AccountKind.CASH || a.kind() == AccountKind.BANK)
              .orElse(false);
      if (moneyAccount) {
        long inAccount = ledger.lockedBalance(original.organisation(), line.account());
        if (inAccount < line.debitPaise()) {
          return new FundsOutcome.Refused<>(
              Refusal.NOT_ENOUGH_IN_ACCOUNT,
              Money.ofPaise(Math.max(0, inAccount)),
              Money.ofPaise(line.debitPaise()));
        }
      }
    }
    JournalEntryId reversal =
        ledger.insert(
            original.organisation(), Posting.reversal(entry.id(), date, reason, lines), by);
    for (var change : changes.entrySet()) {
      funds.addRaised(change.getKey(), change.getValue()[0]);
      funds.addSpent(change.getKey(), change.getValue()[1]);
    }
    return new FundsOutcome.Done<>(reversal);
  }
}
