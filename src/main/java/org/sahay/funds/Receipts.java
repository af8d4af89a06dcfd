package org.sahay.funds;

import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.CampaignStore;
import org.sahay.funds.internal.DonationStore;
import org.sahay.funds.internal.LedgerStore;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Donation receipts, with the donor: only for those who may see donors; each view is audited. */
@Service
public class Receipts {

  private final DonationStore donations;
  private final CampaignStore campaigns;
  private final LedgerStore ledger;
  private final Organisations organisations;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Receipts(
      DonationStore donations,
      CampaignStore campaigns,
      LedgerStore ledger,
      Organisations organisations,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit) {
    this.donations = donations;
    this.campaigns = campaigns;
    this.ledger = ledger;
    this.organisations = organisations;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional
  public Receipt receipt(Actor by, DonationId id) {
    DonationStore.Row d = donations.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, d.organisation());
    policy.require(by, FundsAction.DONOR_READ, d.organisation());
    Organisation organisation = organisations.find(d.organisation()).orElseThrow();
    Campaign campaign = campaigns.find(d.campaign()).orElseThrow().campaign();
    audit.record(
        new AuditLog.Event(
            by.username(),
            d.organisation(),
            "RECEIPT_VIEWED",
            "donation",
            id.toString(),
            "receipt " + d.receiptNumber()));
    return new Receipt(
        id,
        d.receiptNumber(),
        FinancialYear.of(d.receivedOn()).label(),
        d.receivedOn(),
        organisation.name(),
        place(organisation),
        organisation.defaultLanguage(),
        organisations.registration80g(d.organisation()).orElse(null),
        vault.decrypt(id.value(), "donor_name", d.donorName()).orElse(null),
        vault.decrypt(id.value(), "donor_contact", d.donorContact()).orElse(null),
        d.amount(),
        d.channel(),
        d.reference(),
        campaign.name(),
        ledger.isReversed(d.journalEntry()));
  }

  /** Guntur, Andhra Pradesh: the district and state the organisation gave, as far as it did. */
  private static String place(Organisation organisation) {
    String place =
        java.util.stream.Stream.of(organisation.district(), organisation.state())
            .filter(part -> part != null && !part.isBlank())
            .map(String::strip)
            .collect(java.util.stream.Collectors.joining(", "));
    return place.isEmpty() ? null : place;
  }
}
