package org.sahay.funds;

import java.time.LocalDate;

/** A recorded expense and the journal entry it posted. */
public record Expense(
    ExpenseId id,
    FundId fundId,
    AccountId accountId,
    ExpenseCategory category,
    String payee,
    long amountPaise,
    LocalDate spentOn,
    String bought,
    int peopleReached,
    String reference,
    JournalEntryId journalEntryId) {}
