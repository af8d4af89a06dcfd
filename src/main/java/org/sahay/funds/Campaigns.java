package org.sahay.funds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.CampaignStore;
import org.sahay.funds.internal.Fields;
import org.sahay.funds.internal.FundStore;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Crowdfunding campaigns, run by an organisation, often with partners. A restricted campaign (the
 * default) gets a fund of its own that only its purpose may spend.
 */
@Service
public class Campaigns {

  static final int MAX_PARTNERS = 20;

  private final CampaignStore store;
  private final FundStore funds;
  private final Books books;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Campaigns(
      CampaignStore store, FundStore funds, Books books, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.funds = funds;
    this.books = books;
    this.policy = policy;
    this.audit = audit;
  }

  /** Starts a campaign of the actor's own organisation. */
  @Transactional
  public FundsOutcome<Campaign> create(Actor by, CampaignInput input) {
    OrganisationId own = Ledger.target(by, null);
    policy.require(by, FundsAction.FUNDS_WRITE, own);
    Map<String, String> errors = new HashMap<>();
    String name = Fields.text(input.name(), 200, "name", errors);
    Money goal = Fields.amount(input.goalPaise(), input.goal(), "goal", errors);
    LocalDate starts = Fields.date(input.startsOn(), true, "startsOn", errors);
    LocalDate ends = Fields.date(input.endsOn(), false, "endsOn", errors);
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.put("endsOn", "funds.period.invalid");
    }
    List<String> partners = partners(input.partners(), errors);
    CampaignChannel channel =
        Fields.choice(
            CampaignChannel.class, input.channel(), "channel", "funds.campaign.channel", errors);
    String group = Fields.optionalText(input.beneficiaryGroup(), 200, "beneficiaryGroup", errors);
    String slug = input.slug() == null ? "" : input.slug().strip().toLowerCase(Locale.ROOT);
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() < 3 || slug.length() > 60) {
      errors.put("slug", "funds.campaign.slug.invalid");
    } else if (store.slugTaken(slug)) {
      errors.put("slug", "funds.campaign.slug.taken");
    }
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    boolean foreign = Boolean.TRUE.equals(input.foreignContribution());
    boolean restricted = !Boolean.FALSE.equals(input.restricted());
    if (!restricted && foreign) {
      // Foreign money is never mixed into the unrestricted domestic fund.
      return new FundsOutcome.Invalid<>(Map.of("restricted", "funds.campaign.foreignRestricted"));
    }
    books.open(own);
    FundId fund =
        restricted
            ? books.newFund(own, FundKind.CAMPAIGN, name, true, foreign).id()
            : funds.unrestricted(own).id();
    Campaign campaign =
        new Campaign(
            new CampaignId(Ids.newId()),
            fund,
            name,
            goal.paise(),
            starts,
            ends,
            partners,
            channel,
            group,
            slug,
            Boolean.TRUE.equals(input.transparency()),
            foreign,
            restricted);
    try {
      store.insert(own, campaign, by.username());
    } catch (DuplicateKeyException e) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new FundsOutcome.Invalid<>(Map.of("slug", "funds.campaign.slug.taken"));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "CAMPAIGN_CREATED",
            "campaign",
            campaign.id().toString(),
            slug + ", goal " + goal.paise() + " paise"));
    return new FundsOutcome.Done<>(campaign);
  }

  @Transactional(readOnly = true)
  public Campaign get(Actor by, CampaignId id) {
    CampaignStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, row.organisation());
    return row.campaign();
  }

  @Transactional(readOnly = true)
  public List<Campaign> all(Actor by, OrganisationId organisation) {
    OrganisationId target = Ledger.target(by, organisation);
    policy.require(by, FundsAction.FUNDS_READ, target);
    return store.all(target).stream().map(CampaignStore.Row::campaign).toList();
  }

  /** The organisation that runs a campaign the actor may see. */
  @Transactional(readOnly = true)
  public OrganisationId organisationOf(Actor by, CampaignId id) {
    CampaignStore.Row row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.FUNDS_READ, row.organisation());
    return row.organisation();
  }

  private static List<String> partners(List<String> given, Map<String, String> errors) {
    List<String> partners = new ArrayList<>();
    if (given == null) {
      return partners;
    }
    for (String partner : given) {
      String name = Fields.text(partner, 200, "partners", errors);
      if (name != null) {
        partners.add(name);
      }
    }
    if (partners.size() > MAX_PARTNERS) {
      errors.put("partners", "funds.campaign.partners.tooMany");
    }
    return partners;
  }
}
