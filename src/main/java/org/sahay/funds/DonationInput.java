package org.sahay.funds;

/**
 * A donation as sent. {@code accountId} is the cash or bank account the money came into; left out
 * for cash, it is the cash account. Donor name and contact are optional and left out when {@code
 * anonymous}.
 */
public record DonationInput(
    Long amountPaise,
    String amount,
    String receivedOn,
    String channel,
    String reference,
    String accountId,
    Boolean anonymous,
    String donorName,
    String donorContact) {}
