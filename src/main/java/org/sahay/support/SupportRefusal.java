package org.sahay.support;

import org.sahay.funds.FundsOutcome;

/** Why a rule refused a change to a support request or a payment against it (409). */
public enum SupportRefusal {
  /** Only a draft is submitted; the argument is the request's status. */
  NOT_DRAFT("support.notDraft"),
  /** Only a draft's lines are changed; the argument is the request's status. */
  NOT_DRAFT_EDIT("support.notDraft.edit"),
  /** A request has 1 to 50 lines. */
  LINE_COUNT("support.lines.invalid"),
  CLOSED_ALREADY("support.closedAlready"),
  /** Only a submitted request is decided; the argument is the request's status. */
  NOT_SUBMITTED("support.notSubmitted"),
  /** The request changed after the decider opened it; the argument is its version now. */
  STALE("support.stale"),
  GRANT_REFUSED("support.grant.refused"),
  /** Payments and deliveries only against an approved request; the argument is its status. */
  NOT_APPROVED("support.notApproved"),
  /** Arguments: what is left of the line, and the payment. */
  OVER_APPROVED("support.overApproved"),
  /** The earlier payment to the person is named beside the refusal. */
  PAID_ALREADY("support.paidAlready"),
  REVERSED_ALREADY("support.reversedAlready"),
  /** Arguments: what may still arrive on the line, and the delivery. */
  DELIVERY_TOO_MUCH("support.delivery.tooMuch"),
  /** The funds refused the expense: a restricted fund or the account would go below zero. */
  NOT_ENOUGH_IN_FUND("support.fund.NOT_ENOUGH_IN_FUND"),
  NOT_ENOUGH_IN_ACCOUNT("support.fund.NOT_ENOUGH_IN_ACCOUNT"),
  FOREIGN_NEEDS_FCRA_ACCOUNT("support.fund.FOREIGN_NEEDS_FCRA_ACCOUNT"),
  FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY("support.fund.FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY"),
  ALREADY_RECORDED("support.fund.ALREADY_RECORDED"),
  REVERSAL_OF_REVERSAL("support.fund.REVERSAL_OF_REVERSAL");

  private final String messageKey;

  SupportRefusal(String messageKey) {
    this.messageKey = messageKey;
  }

  /** The message telling the person what was refused, in their language. */
  public String messageKey() {
    return messageKey;
  }

  /**
   * What the funds module's refusal of a payment means for the payment; one for one, with no
   * default, so that a new refusal of the books does not compile until it is given its message.
   */
  static SupportRefusal ofFunds(FundsOutcome.Refusal refusal) {
    return switch (refusal) {
      case NOT_ENOUGH_IN_FUND -> NOT_ENOUGH_IN_FUND;
      case NOT_ENOUGH_IN_ACCOUNT -> NOT_ENOUGH_IN_ACCOUNT;
      case FOREIGN_NEEDS_FCRA_ACCOUNT -> FOREIGN_NEEDS_FCRA_ACCOUNT;
      case FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY -> FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY;
      case ALREADY_REVERSED -> REVERSED_ALREADY;
      case ALREADY_RECORDED -> ALREADY_RECORDED;
      case REVERSAL_OF_REVERSAL -> REVERSAL_OF_REVERSAL;
    };
  }
}
