package org.sahay.funds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.CampaignStore;
import org.sahay.funds.internal.DonationStore;
import org.sahay.funds.internal.Fields;
import org.sahay.funds.internal.FundStore;
import org.sahay.funds.internal.MoneyAccounts;
import org.sahay.funds.internal.Posting;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Donations to campaigns. Each gets the next receipt number of its organisation and financial year
 * and posts its journal entry in the same transaction. Donor name and contact are personal data:
 * encrypted under the donation's own data key, shown only to those who may see donors.
 */
@Service
public class Donations {

  private final CampaignStore campaigns;
  private final DonationStore store;
  private final FundStore funds;
  private final Books books;
  private final MoneyAccounts accounts;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Donations(
      CampaignStore campaigns,
      DonationStore store,
      FundStore funds,
      Books books,
      MoneyAccounts accounts,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.campaigns = campaigns;
    this.store = store;
    this.funds = funds;
    this.books = books;
    this.accounts = accounts;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  @Transactional
  public FundsOutcome<Donation> record(Actor by, CampaignId campaignId, DonationInput input) {
    CampaignStore.Row campaign = campaigns.find(campaignId).orElseThrow(NotFoundException::new);
    OrganisationId organisation = campaign.organisation();
    policy.require(by, FundsAction.DONATION_RECORD, organisation);
    Map<String, String> errors = new HashMap<>();
    Money amount = Fields.amount(input.amountPaise(), input.amount(), "amount", errors);
    LocalDate receivedOn = Fields.date(input.receivedOn(), true, "receivedOn", errors);
    if (receivedOn != null && receivedOn.isAfter(today.at(organisation))) {
      errors.put("receivedOn", "funds.date.future");
    }
    DonationChannel channel =
        Fields.choice(
            DonationChannel.class, input.channel(), "channel", "funds.donation.channel", errors);
    String reference = Fields.optionalText(input.reference(), 100, "reference", errors);
    boolean anonymous = Boolean.TRUE.equals(input.anonymous());
    String donorName = Fields.optionalText(input.donorName(), 200, "donorName", errors);
    String donorContact = Fields.optionalText(input.donorContact(), 200, "donorContact", errors);
    if (anonymous && (donorName != null || donorContact != null)) {
      errors.put("anonymous", "funds.donation.anonymousWithDonor");
    }
    LedgerAccount into =
        accounts.find(
            organisation, input.accountId(), channel == DonationChannel.CASH, "accountId", errors);
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    Campaign c = campaign.campaign();
    Optional<FundsOutcome.Refusal> apart =
        Books.keepsForeignMoneyApart(c.foreignContribution(), into);
    if (apart.isPresent()) {
      return new FundsOutcome.Refused<>(apart.get());
    }
    DonationId id = new DonationId(Ids.newId());
    FinancialYear year = FinancialYear.of(receivedOn);
    String receipt = store.nextReceiptNumber(organisation, year);
    FundStore.Row fund = funds.lock(c.fundId()).orElseThrow();
    // Checked under the receipt-number lock of the organisation and financial year (taken above),
    // which every donation of the year takes, whatever its campaign: a double click, a second tab
    // or the same statement imported twice, into one campaign or two, waits here for the first,
    // then finds its reference and records nothing. (A bank line has one date, so the same line
    // always falls in the same financial year.)
    if (reference != null && store.referenceRecorded(organisation, reference)) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new FundsOutcome.Refused<>(FundsOutcome.Refusal.ALREADY_RECORDED);
    }
    var posted =
        books.receive(
            fund,
            into,
            amount,
            receivedOn,
            Posting.Kind.DONATION,
            id.value(),
            "Donation, receipt " + receipt,
            by.username());
    if (!(posted instanceof FundsOutcome.Done<JournalEntryId> done)) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return Outcomes.retyped(posted);
    }
    byte[] name = null;
    byte[] contact = null;
    if (donorName != null || donorContact != null) {
      vault.createKey(id.value(), organisation);
      name = vault.encrypt(id.value(), "donor_name", donorName);
      contact = vault.encrypt(id.value(), "donor_contact", donorContact);
    }
    DonationStore.Row row =
        new DonationStore.Row(
            id,
            organisation,
            c.id(),
            c.fundId(),
            into.id(),
            amount.paise(),
            receivedOn,
            channel,
            reference,
            anonymous,
            name,
            contact,
            receipt,
            done.value());
    store.insert(row, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            organisation,
            "DONATION_RECORDED",
            "donation",
            id.toString(),
            "receipt " + receipt + ", " + amount.paise() + " paise, " + channel));
    return new FundsOutcome.Done<>(view(row, true));
  }

  /**
   * Whether the donation is one of the actor's own organisation that the actor may see in the
   * books: for another module linking to it (what a stakeholder helped raise).
   */
  @Transactional(readOnly = true)
  public boolean isOwn(Actor by, DonationId id) {
    return by.organisation() != null
        && store
            .find(id)
            .filter(d -> d.organisation().equals(by.organisation()))
            .filter(d -> policy.permits(by, FundsAction.FUNDS_READ, d.organisation()))
            .isPresent();
  }

  /** A campaign's donations; donors only for those who may see them. */
  @Transactional(readOnly = true)
  public List<Donation> ofCampaign(Actor by, CampaignId campaignId) {
    CampaignStore.Row campaign = campaigns.find(campaignId).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, campaign.organisation());
    boolean donors = policy.permits(by, FundsAction.DONOR_READ, campaign.organisation());
    return store.ofCampaign(campaignId).stream().map(d -> view(d, donors)).toList();
  }

  private Donation view(DonationStore.Row d, boolean donors) {
    String name =
        donors ? vault.decrypt(d.id().value(), "donor_name", d.donorName()).orElse(null) : null;
    String contact =
        donors
            ? vault.decrypt(d.id().value(), "donor_contact", d.donorContact()).orElse(null)
            : null;
    return new Donation(
        d.id(),
        d.campaign(),
        d.amount(),
        d.receivedOn(),
        d.channel(),
        d.reference(),
        d.account(),
        d.anonymous(),
        name,
        contact,
        d.receiptNumber(),
        FinancialYear.of(d.receivedOn()).label(),
        d.journalEntry());
  }
}
