package org.sahay.funds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.internal.CampaignStore;
import org.sahay.funds.internal.DonationStore;
import org.sahay.funds.internal.LedgerStore;
import org.sahay.funds.internal.ReportStore;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of the books besides the trial balance and fund balances (see {@link Ledger}): income and
 * expenditure by month, donors per campaign, and a campaign's public transparency page.
 */
@Service
public class FundsReports {

  private final ReportStore reports;
  private final CampaignStore campaigns;
  private final DonationStore donations;
  private final LedgerStore ledger;
  private final Organisations organisations;
  private final Vault vault;
  private final AccessPolicy policy;

  FundsReports(
      ReportStore reports,
      CampaignStore campaigns,
      DonationStore donations,
      LedgerStore ledger,
      Organisations organisations,
      Vault vault,
      AccessPolicy policy) {
    this.reports = reports;
    this.campaigns = campaigns;
    this.donations = donations;
    this.ledger = ledger;
    this.organisations = organisations;
    this.vault = vault;
    this.policy = policy;
  }

  @Transactional(readOnly = true)
  public List<MonthTotal> byMonth(Actor by, OrganisationId organisation) {
    OrganisationId target = Ledger.target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    return reports.byMonth(target).stream()
        .map(m -> new MonthTotal(m.year(), m.month(), m.income(), m.expenditure()))
        .toList();
  }

  /** The entries of the organisation that have been reversed, to mark them in lists. */
  @Transactional(readOnly = true)
  public Set<JournalEntryId> reversed(Actor by, OrganisationId organisation) {
    OrganisationId target = Ledger.target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    return ledger.reversedEntries(target);
  }

  /** Donors of a campaign, with reversed donations left out; only for those who may see donors. */
  @Transactional(readOnly = true)
  public List<DonorTotal> donors(Actor by, CampaignId id) {
    CampaignStore.Row campaign = campaigns.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, campaign.organisation());
    policy.require(by, FundsAction.DONOR_READ, campaign.organisation());
    Set<JournalEntryId> reversed = ledger.reversedEntries(campaign.organisation());
    List<DonationStore.Row> rows =
        donations.ofCampaign(id).stream()
            .filter(d -> !reversed.contains(d.journalEntry()))
            .toList();
    Vault.Keys keys = vault.keys(rows.stream().map(d -> d.id().value()).toList());
    Map<List<String>, List<DonationStore.Row>> byDonor = new LinkedHashMap<>();
    for (DonationStore.Row d : rows) {
      String name = keys.decrypt(d.id().value(), "donor_name", d.donorName()).orElse(null);
      String contact = keys.decrypt(d.id().value(), "donor_contact", d.donorContact()).orElse(null);
      List<String> key = new ArrayList<>();
      key.add(name);
      key.add(contact);
      byDonor.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<DonorTotal> out = new ArrayList<>();
    byDonor.forEach(
        (key, given) ->
            out.add(
                new DonorTotal(
                    key.get(0),
                    key.get(1),
                    given.size(),
                    given.stream().mapToLong(DonationStore.Row::amount).sum(),
                    given.get(0).receivedOn(),
                    given.get(given.size() - 1).receivedOn())));
    return out;
  }

  /** The public page of a campaign that opted in; 404 for any other. */
  @Transactional(readOnly = true)
  public Transparency transparency(String slug) {
    CampaignStore.Row row = campaigns.publicBySlug(slug).orElseThrow(NotFoundException::new);
    Campaign c = row.campaign();
    Organisation organisation =
        organisations.find(row.organisation()).orElseThrow(NotFoundException::new);
    ReportStore.Raised raised = reports.raised(c.id());
    // Spending is the campaign's only when it has a fund of its own.
    List<Transparency.Spent> spent =
        c.restricted()
            ? reports.spentByCategory(c.fundId()).stream()
                .map(s -> new Transparency.Spent(s.category(), s.paise(), s.people()))
                .toList()
            : List.of();
    return new Transparency(
        c.name(),
        organisation.name(),
        organisation.defaultLanguage(),
        c.goalPaise(),
        raised.paise(),
        raised.count(),
        c.restricted(),
        spent,
        spent.stream().mapToLong(Transparency.Spent::paise).sum(),
        spent.stream().mapToLong(Transparency.Spent::peopleReached).sum(),
        reports
            .lastUpdated(c.id(), c.fundId(), c.restricted())
            .map(at -> at.atZoneSameInstant(organisation.timeZone()).toLocalDate())
            .orElse(null));
  }
}
