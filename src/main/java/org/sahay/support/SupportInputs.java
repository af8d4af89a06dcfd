package org.sahay.support;

import java.util.List;

/** What people and programs send about support requests, unchecked. */
public final class SupportInputs {

  private SupportInputs() {}

  /** A new request: to whom, why, and its budget lines. */
  public record Request(String addressedTo, String title, String justification, List<Line> lines) {}

  /**
   * A budget line: an expense category of the ledger, what it is for, the amount (in paise, or as
   * rupees typed), how many things it buys where that counts (40 ration kits), whether a person may
   * be paid in instalments, and whom it is for. With {@code itemId} (an item of the collective's
   * relief catalogue) the line asks for goods instead: {@code quantity} of it, and no amount.
   */
  public record Line(
      String category,
      String description,
      Long amountPaise,
      String amount,
      Integer quantity,
      Boolean instalmentsAllowed,
      List<String> memberIds,
      List<String> householdIds,
      String itemId) {}

  /** The funder's decision: per line, what is approved (0 rejects it) and a comment. */
  public record Decision(List<LineDecision> lines, Integer version) {}

  /** For a goods line, {@code approvedQuantity} instead of an amount (0 refuses it). */
  public record LineDecision(
      String lineId,
      Long approvedPaise,
      String approved,
      String comment,
      Integer approvedQuantity) {}

  /**
   * Goods of an approved goods line that arrived from the funder: how many, into which stock
   * location, on which day (today where left out), and until when they keep.
   */
  public record Delivery(
      String lineId, String locationId, Integer quantity, String receivedOn, String expiresOn) {}

  /**
   * Cash paid against an approved line to one member or household: mode BANK_TRANSFER, UPI or CASH;
   * the bank account it left (cash when left out); the needs it meets.
   */
  public record Disbursement(
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
}
