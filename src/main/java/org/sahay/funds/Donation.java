package org.sahay.funds;

import java.time.LocalDate;

/**
 * A recorded donation with its receipt number. Donor name and contact are null unless the reader
 * may see donors.
 */
public record Donation(
    DonationId id,
    CampaignId campaignId,
    long amountPaise,
    LocalDate receivedOn,
    DonationChannel channel,
    String reference,
    AccountId accountId,
    boolean anonymous,
    String donorName,
    String donorContact,
    String receiptNumber,
    String financialYear,
    JournalEntryId journalEntryId) {}
