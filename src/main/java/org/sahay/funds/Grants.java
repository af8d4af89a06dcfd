package org.sahay.funds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.internal.Books;
import org.sahay.funds.internal.Fields;
import org.sahay.funds.internal.FundStore;
import org.sahay.funds.internal.GrantStore;
import org.sahay.funds.internal.MoneyAccounts;
import org.sahay.funds.internal.Posting;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Grants from funder organisations: each has a restricted fund of its own, filled by the
 * instalments received. A funder's viewer sees the grants its funder gave and what was spent from
 * them, never donors and never payees.
 */
@Service
public class Grants {

  static final int MAX_PURPOSES = 20;

  private final GrantStore store;
  private final FundStore funds;
  private final Books books;
  private final MoneyAccounts accounts;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Grants(
      GrantStore store,
      FundStore funds,
      Books books,
      MoneyAccounts accounts,
      Organisations organisations,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.funds = funds;
    this.books = books;
    this.accounts = accounts;
    this.organisations = organisations;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  /** Records a grant awarded to the actor's own organisation. */
  @Transactional
  public FundsOutcome<Grant> create(Actor by, GrantInput input) {
    OrganisationId own = Ledger.target(by, null);
    policy.require(by, FundsAction.FUNDS_WRITE, own);
    return create(own, by.username(), input, OrganisationKind.FUNDER);
  }

  /**
   * Records a grant to {@code own} from a funder or mentor that approved a support request, for the
   * module that checked the approver's permission with the access policy first.
   */
  @Transactional
  public FundsOutcome<Grant> createOnBehalf(OrganisationId own, String username, GrantInput input) {
    return create(own, username, input, null);
  }

  private FundsOutcome<Grant> create(
      OrganisationId own, String username, GrantInput input, OrganisationKind funderKind) {
    Map<String, String> errors = new HashMap<>();
    UUID funderId = Fields.id(input.funderId(), "funderId", "funds.grant.funder.unknown", errors);
    OrganisationId funder = funderId == null ? null : new OrganisationId(funderId);
    if (funder != null
        && (funder.equals(own)
            || organisations
                .find(funder)
                .filter(o -> funderKind == null || o.kind() == funderKind)
                .isEmpty())) {
      errors.put("funderId", "funds.grant.funder.unknown");
    } else if (funder != null
        && funderKind != null
        && organisations.linkedTo(own, LinkKind.FUNDER_OF).stream()
            .noneMatch(o -> o.id().equals(funder))) {
      // A grant by hand comes from a funder linked to the collective; any other would show its
      // money to a stranger's viewers.
      errors.put("funderId", "funds.grant.funder.notLinked");
    }
    String title = Fields.text(input.title(), 200, "title", errors);
    Money amount = Fields.amount(input.amountPaise(), input.amount(), "amount", errors);
    LocalDate starts = Fields.date(input.startsOn(), true, "startsOn", errors);
    LocalDate ends = Fields.date(input.endsOn(), true, "endsOn", errors);
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.put("endsOn", "funds.period.invalid");
    }
    List<String> purposes = new ArrayList<>();
    for (String purpose : input.purposes() == null ? List.<String>of() : input.purposes()) {
      String text = Fields.text(purpose, 90, "purposes", errors);
      if (text != null) {
        purposes.add(text.replace('\n', ' '));
      }
    }
    if (purposes.isEmpty() || purposes.size() > MAX_PURPOSES) {
      errors.put("purposes", "funds.grant.purposes.invalid");
    }
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    boolean foreign = Boolean.TRUE.equals(input.foreignContribution());
    books.open(own);
    FundStore.Row fund = books.newFund(own, FundKind.GRANT, title, true, foreign);
    GrantStore.Row grant =
        new GrantStore.Row(
            new GrantId(Ids.newId()),
            own,
            funder,
            fund.id(),
            title,
            amount.paise(),
            starts,
            ends,
            List.copyOf(purposes),
            foreign);
    store.insert(grant, username);
    audit.record(
        new AuditLog.Event(
            username,
            own,
            "GRANT_CREATED",
            "grant",
            grant.id().toString(),
            "from " + funder + ", " + amount.paise() + " paise" + (foreign ? ", foreign" : "")));
    return new FundsOutcome.Done<>(view(grant));
  }

  /** Records an instalment of a grant received into a bank account; posts it in the same go. */
  @Transactional
  public FundsOutcome<Grant> receiveInstalment(Actor by, GrantId id, InstalmentInput input) {
    GrantStore.Row grant = store.find(id).orElseThrow(NotFoundException::new);
    OrganisationId organisation = grant.organisation();
    policy.require(by, FundsAction.FUNDS_WRITE, organisation);
    Map<String, String> errors = new HashMap<>();
    Money amount = Fields.amount(input.amountPaise(), input.amount(), "amount", errors);
    LocalDate receivedOn = Fields.date(input.receivedOn(), true, "receivedOn", errors);
    if (receivedOn != null && receivedOn.isAfter(today.at(organisation))) {
      errors.put("receivedOn", "funds.date.future");
    }
    String reference = Fields.optionalText(input.reference(), 100, "reference", errors);
    LedgerAccount into = accounts.find(organisation, input.accountId(), false, "accountId", errors);
    if (!errors.isEmpty()) {
      return new FundsOutcome.Invalid<>(errors);
    }
    InstalmentId instalment = new InstalmentId(Ids.newId());
    FundStore.Row fund = funds.lock(grant.fund()).orElseThrow();
    var posted =
        books.receive(
            fund,
            into,
            amount,
            receivedOn,
            Posting.Kind.GRANT_INSTALMENT,
            instalment.value(),
            "Grant instalment: " + grant.title(),
            by.username());
    if (!(posted instanceof FundsOutcome.Done<JournalEntryId> done)) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return Outcomes.retyped(posted);
    }
    store.insertInstalment(
        instalment,
        id,
        organisation,
        into.id(),
        amount.paise(),
        receivedOn,
        reference,
        done.value(),
        by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            organisation,
            "GRANT_INSTALMENT_RECEIVED",
            "grant",
            id.toString(),
            "instalment " + instalment + ", " + amount.paise() + " paise"));
    return new FundsOutcome.Done<>(view(grant));
  }

  @Transactional(readOnly = true)
  public Grant get(Actor by, GrantId id) {
    GrantStore.Row grant = store.find(id).orElseThrow(NotFoundException::new);
    if (!visible(by, grant)) {
      policy.require(by, FundsAction.GRANT_READ, grant.organisation());
      throw new NotFoundException();
    }
    return view(grant);
  }

  /** The organisation's grants; a funder's viewer gets the grants its funder gave only. */
  @Transactional(readOnly = true)
  public List<Grant> all(Actor by, OrganisationId organisation) {
    OrganisationId target = Ledger.target(by, organisation);
    policy.require(by, FundsAction.GRANT_READ, target);
    return store.all(target).stream().filter(g -> visible(by, g)).map(this::view).toList();
  }

  private boolean visible(Actor by, GrantStore.Row grant) {
    if (!policy.permits(by, FundsAction.GRANT_READ, grant.organisation())) {
      return false;
    }
    return policy.permits(by, FundsAction.FUNDS_READ, grant.organisation())
        || grant.funder().equals(by.organisation());
  }

  private Grant view(GrantStore.Row g) {
    FundStore.Row fund = funds.find(g.fund()).orElseThrow();
    return new Grant(
        g.id(),
        g.organisation(),
        g.funder(),
        g.fund(),
        g.title(),
        g.amount(),
        g.startsOn(),
        g.endsOn(),
        g.purposes(),
        g.foreignContribution(),
        fund.raised(),
        fund.spent(),
        store.instalments(g.id()),
        store.spending(g.fund()));
  }
}
