package org.sahay.funds;

import java.time.LocalDate;
import org.sahay.platform.Language;

/**
 * Everything a donation receipt prints. {@code organisationPlace} is its district and state, null
 * when neither is known; {@code donorName} is null for an anonymous donation; {@code
 * registration80g} null when the organisation has none.
 */
public record Receipt(
    DonationId donationId,
    String receiptNumber,
    String financialYear,
    LocalDate receivedOn,
    String organisationName,
    String organisationPlace,
    Language organisationLanguage,
    String registration80g,
    String donorName,
    String donorContact,
    long amountPaise,
    DonationChannel channel,
    String reference,
    String campaignName,
    boolean reversed) {}
