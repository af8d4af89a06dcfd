package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.sahay.IntegrationTest;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Any sequence of donations, grant instalments, expenses and reversals, run through the services
 * against the real database: the trial balance stays even after every step, each fund holds what
 * came in less what went out (on its row and in its ledger account), and no restricted fund ever
 * goes below zero. A model of the funds predicts every refusal.
 */
class LedgerPropertyIntegrationTest extends IntegrationTest {

  /**
   * One step of a sequence; {@code target} picks a campaign, the grant or the unrestricted fund.
   */
  sealed interface Step {}

  record Donate(int target, long paise) implements Step {}

  record Instalment(long paise) implements Step {}

  record Spend(int target, long paise) implements Step {}

  record Reverse(int which) implements Step {}

  /** A posted entry as the model knows it: +1 money in, -1 money out, 0 a reversal. */
  private record Posted(JournalEntryId id, FundId fund, int direction, long paise) {}

  @Autowired private Campaigns campaigns;
  @Autowired private Donations donations;
  @Autowired private Grants grants;
  @Autowired private Expenses expenses;
  @Autowired private Ledger ledger;
  @Autowired private org.sahay.organisations.Organisations organisations;

  @BeforeProperty
  void startSpring() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
  }

  @Property(tries = 30)
  void anySequenceKeepsTheBooksBalancedAndRestrictedFundsAboveZero(
      @ForAll("sequences") List<Step> steps) {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor admin = fixtures.user(collective, Role.ORG_ADMIN).actor();
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(),
        funder.id(),
        org.sahay.organisations.LinkKind.FUNDER_OF,
        collective.id());
    List<FundId> funds = new ArrayList<>();
    List<CampaignId> campaignIds = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Campaign c = done(campaigns.create(admin, campaign("prop-" + i + "-" + System.nanoTime())));
      campaignIds.add(c.id());
      funds.add(c.fundId());
    }
    String bank =
        done(ledger.addBankAccount(admin, new BankAccountInput("Bank", false))).id().toString();
    Grant grant =
        done(
            grants.create(
                admin,
                new GrantInput(
                    funder.id().toString(),
                    "Grant",
                    1_000_000L,
                    null,
                    "2025-04-01",
                    "2026-03-31",
                    List.of("food"),
                    false)));
    funds.add(grant.fundId());
    FundId unrestricted =
        ledger.balances(admin, null).funds().stream()
            .filter(f -> f.kind() == FundKind.UNRESTRICTED)
            .findFirst()
            .orElseThrow()
            .id();
    funds.add(unrestricted);

    Map<FundId, long[]> model = new HashMap<>();
    funds.forEach(f -> model.put(f, new long[2]));
    List<Posted> posted = new ArrayList<>();
    Map<JournalEntryId, Boolean> reversed = new HashMap<>();
    // Cash in hand: donations come into it, expenses go out of it; instalments go to the bank.
    long[] cash = {0};
    long[] inBank = {0};
    java.util.Set<JournalEntryId> intoBank = new java.util.HashSet<>();

    for (Step step : steps) {
      if (step instanceof Donate d) {
        int which = d.target() % 2;
        Donation donation =
            done(
                donations.record(
                    admin,
                    campaignIds.get(which),
                    new DonationInput(
                        d.paise(), null, "2025-05-01", "CASH", null, null, true, null, null)));
        model.get(funds.get(which))[0] += d.paise();
        cash[0] += d.paise();
        posted.add(new Posted(donation.journalEntryId(), funds.get(which), 1, d.paise()));
      } else if (step instanceof Instalment i) {
        Grant after =
            done(
                grants.receiveInstalment(
                    admin,
                    grant.id(),
                    new InstalmentInput(i.paise(), null, "2025-05-01", bank, null)));
        model.get(grant.fundId())[0] += i.paise();
        inBank[0] += i.paise();
        Grant.Instalment last = after.instalments().get(after.instalments().size() - 1);
        intoBank.add(last.journalEntryId());
        posted.add(new Posted(last.journalEntryId(), grant.fundId(), 1, i.paise()));
      } else if (step instanceof Spend s) {
        FundId fund = funds.get(s.target() % funds.size());
        long[] money = model.get(fund);
        boolean restricted = !fund.equals(unrestricted);
        var outcome = expenses.record(admin, expense(fund, s.paise()));
        if (restricted && money[0] - money[1] < s.paise()) {
          assertThat(outcome).isInstanceOf(FundsOutcome.Refused.class);
          assertThat(((FundsOutcome.Refused<Expense>) outcome).remaining().paise())
              .isEqualTo(money[0] - money[1]);
        } else if (cash[0] < s.paise()) {
          assertThat(refusal(outcome)).isEqualTo(FundsOutcome.Refusal.NOT_ENOUGH_IN_ACCOUNT);
          assertThat(((FundsOutcome.Refused<Expense>) outcome).remaining().paise())
              .isEqualTo(Math.max(0, cash[0]));
        } else {
          Expense expense = done(outcome);
          money[1] += s.paise();
          cash[0] -= s.paise();
          posted.add(new Posted(expense.journalEntryId(), fund, -1, s.paise()));
        }
      } else if (step instanceof Reverse r && !posted.isEmpty()) {
        Posted original = posted.get(r.which() % posted.size());
        var outcome = ledger.reverse(admin, original.id(), "property test");
        if (original.direction() == 0) {
          assertThat(refusal(outcome)).isEqualTo(FundsOutcome.Refusal.REVERSAL_OF_REVERSAL);
        } else if (reversed.containsKey(original.id())) {
          assertThat(refusal(outcome)).isEqualTo(FundsOutcome.Refusal.ALREADY_REVERSED);
        } else {
          long[] money = model.get(original.fund());
          boolean restricted = !original.fund().equals(unrestricted);
          long[] account = intoBank.contains(original.id()) ? inBank : cash;
          if (original.direction() > 0 && restricted && money[0] - money[1] < original.paise()) {
            assertThat(refusal(outcome)).isEqualTo(FundsOutcome.Refusal.NOT_ENOUGH_IN_FUND);
          } else if (original.direction() > 0 && account[0] < original.paise()) {
            // Money that came in and was paid out since cannot go back out of the cash box.
            assertThat(refusal(outcome)).isEqualTo(FundsOutcome.Refusal.NOT_ENOUGH_IN_ACCOUNT);
          } else {
            JournalEntry reversal = done(outcome);
            money[original.direction() > 0 ? 0 : 1] -= original.paise();
            account[0] -= original.direction() * original.paise();
            reversed.put(original.id(), true);
            posted.add(new Posted(reversal.id(), original.fund(), 0, original.paise()));
          }
        }
      }
      TrialBalance trial = ledger.trialBalance(admin, null);
      assertThat(trial.debits()).isEqualTo(trial.credits());
    }

    TrialBalance trial = ledger.trialBalance(admin, null);
    assertThat(
            trial.accounts().stream()
                .filter(a -> a.kind() == AccountKind.CASH)
                .mapToLong(a -> a.debits() - a.credits())
                .sum())
        .as("cash in hand")
        .isEqualTo(cash[0]);
    for (FundBalance balance : ledger.balances(admin, null).funds()) {
      long[] money = model.get(balance.id());
      assertThat(balance.raised()).as("raised of %s", balance.name()).isEqualTo(money[0]);
      assertThat(balance.spent()).as("spent of %s", balance.name()).isEqualTo(money[1]);
      if (balance.restricted()) {
        assertThat(balance.remaining()).isNotNegative();
      }
      long inLedger =
          trial.accounts().stream()
              .filter(a -> a.name().equals(balance.name()) && a.kind() == AccountKind.FUND)
              .mapToLong(a -> a.credits() - a.debits())
              .sum();
      assertThat(inLedger)
          .as("ledger balance of %s", balance.name())
          .isEqualTo(money[0] - money[1]);
    }
  }

  @Provide
  Arbitrary<List<Step>> sequences() {
    Arbitrary<Long> paise = Arbitraries.longs().between(1, 60_000);
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 3);
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                3, net.jqwik.api.Combinators.combine(target, paise).as(Donate::new)),
            net.jqwik.api.Tuple.of(2, paise.map(Instalment::new)),
            net.jqwik.api.Tuple.of(
                4, net.jqwik.api.Combinators.combine(target, paise).as(Spend::new)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1000).map(Reverse::new)));
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  private static CampaignInput campaign(String slug) {
    return new CampaignInput(
        "Campaign " + slug,
        10_000_000L,
        null,
        "2025-04-01",
        null,
        List.of(),
        "SOCIAL_MEDIA",
        null,
        slug,
        false,
        false,
        true);
  }

  private static ExpenseInput expense(FundId fund, long paise) {
    return new ExpenseInput(
        fund.toString(),
        null,
        "CASH_RELIEF",
        "Payee",
        paise,
        null,
        "2025-06-01",
        "relief",
        1,
        null);
  }

  private static <T> T done(FundsOutcome<T> outcome) {
    assertThat(outcome).isInstanceOf(FundsOutcome.Done.class);
    return ((FundsOutcome.Done<T>) outcome).value();
  }

  private static FundsOutcome.Refusal refusal(FundsOutcome<?> outcome) {
    assertThat(outcome).isInstanceOf(FundsOutcome.Refused.class);
    return ((FundsOutcome.Refused<?>) outcome).refusal();
  }
}
