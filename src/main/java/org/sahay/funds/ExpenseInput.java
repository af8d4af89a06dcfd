package org.sahay.funds;

/**
 * An expense as sent: the fund it is paid from, the cash or bank account it left (cash when left
 * out), what it bought and how many people it reached.
 */
public record ExpenseInput(
    String fundId,
    String accountId,
    String category,
    String payee,
    Long amountPaise,
    String amount,
    String spentOn,
    String bought,
    Integer peopleReached,
    String reference) {}
