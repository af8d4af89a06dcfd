package org.sahay.demo;

import java.time.LocalDate;
import java.util.List;
import org.sahay.funds.BankAccountInput;
import org.sahay.funds.Campaign;
import org.sahay.funds.CampaignInput;
import org.sahay.funds.Campaigns;
import org.sahay.funds.DonationInput;
import org.sahay.funds.Donations;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.funds.InstalmentInput;
import org.sahay.funds.Ledger;
import org.sahay.funds.LedgerAccount;
import org.sahay.registry.MemberId;
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequests;
import org.springframework.stereotype.Component;

/**
 * A demo collective's money: a bank account, a campaign with donations, a grant from the demo
 * funder with an instalment and an expense, and support requests to the funder at each stage a
 * request goes through before payment: a draft, one sent, one approved, one partly approved and one
 * refused.
 */
@Component
class DemoFunds {

  private final Ledger ledger;
  private final Campaigns campaigns;
  private final Donations donations;
  private final Grants grants;
  private final Expenses expenses;
  private final SupportRequests support;

  DemoFunds(
      Ledger ledger,
      Campaigns campaigns,
      Donations donations,
      Grants grants,
      Expenses expenses,
      SupportRequests support) {
    this.ledger = ledger;
    this.campaigns = campaigns;
    this.donations = donations;
    this.grants = grants;
    this.expenses = expenses;
    this.support = support;
  }

  void seed(DemoCollective.Plan plan, List<MemberId> made, LocalDate day) {
    var leader = plan.leader();
    LedgerAccount bank =
        done(
            ledger.addBankAccount(
                leader, new BankAccountInput("State bank account (demo)", false)));
    if (bank == null) {
      return;
    }
    String account = bank.id().value().toString();
    campaign(plan, account, day);
    grant(plan, account, day);
    requests(plan, made);
  }

  /** A campaign with six donations, one of them anonymous. */
  private void campaign(DemoCollective.Plan plan, String account, LocalDate day) {
    var leader = plan.leader();
    Campaign campaign =
        done(
            campaigns.create(
                leader,
                new CampaignInput(
                    "Lockdown ration appeal (demo) " + plan.collective().shortCode().value(),
                    null,
                    "2,00,000",
                    day.minusMonths(3).toString(),
                    null,
                    List.of(),
                    "DIRECT_APPEAL",
                    "members' households",
                    "demo-"
                        + plan.collective().shortCode().value().toLowerCase(java.util.Locale.ROOT),
                    true,
                    false,
                    null)));
    if (campaign != null) {
      for (int i = 0; i < 6; i++) {
        DemoCollective.logIfRefused(
            "donation",
            donations.record(
                leader,
                campaign.id(),
                new DonationInput(
                    null,
                    String.valueOf(2000 + i * 1500),
                    day.minusDays(10L * i + 1).toString(),
                    i % 2 == 0 ? "UPI" : "CASH",
                    null,
                    account,
                    i == 3,
                    i == 3 ? null : "Demo Donor " + (i + 1),
                    null)));
      }
    }
  }

  /** A grant from the demo funder, an instalment received and an expense from it. */
  private void grant(DemoCollective.Plan plan, String account, LocalDate day) {
    var leader = plan.leader();
    Grant grant =
        done(
            grants.create(
                leader,
                new GrantInput(
                    plan.funder().id().toString(),
                    "Emergency rations grant (demo)",
                    null,
                    "3,00,000",
                    day.minusMonths(2).toString(),
                    day.plusMonths(10).toString(),
                    List.of("rations", "rent support"),
                    false)));
    if (grant != null) {
      DemoCollective.logIfRefused(
          "instalment",
          grants.receiveInstalment(
              leader,
              grant.id(),
              new InstalmentInput(
                  null, "1,50,000", day.minusDays(40).toString(), account, "UTR-DEMO-1")));
      DemoCollective.logIfRefused(
          "expense",
          expenses.record(
              leader,
              new ExpenseInput(
                  grant.fundId().value().toString(),
                  account,
                  "FOOD_AND_RATIONS",
                  "Demo kirana store",
                  null,
                  "48,000",
                  day.minusDays(20).toString(),
                  "ration kits",
                  40,
                  null)));
    }
  }

  /** A draft, one sent, one approved in full, one partly and one refused. */
  private void requests(DemoCollective.Plan plan, List<MemberId> made) {
    String[] titles = {
      "Medicines for members (draft)",
      "School fees for children",
      "Rent support for three months",
      "Ration kits for households",
      "Travel to the district office"
    };
    for (int stage = 0; stage < titles.length; stage++) {
      SupportRequest request =
          done(
              support.create(
                  plan.leader(),
                  new SupportInputs.Request(
                      plan.funder().id().toString(),
                      titles[stage] + " (demo)",
                      "Members lost their daily work this month.",
                      List.of(
                          new SupportInputs.Line(
                              stage == 4 ? "TRAVEL" : "FOOD_AND_RATIONS",
                              titles[stage],
                              null,
                              "20,000",
                              null,
                              false,
                              made.isEmpty() ? null : List.of(made.get(stage).value().toString()),
                              null,
                              null)))));
      if (request == null || stage == 0) {
        continue;
      }
      request = done(support.submit(plan.leader(), request.id()));
      if (request == null || stage == 1) {
        continue;
      }
      String approved = stage == 2 ? "20,000" : stage == 3 ? "12,000" : "0";
      DemoCollective.logIfRefused(
          "decision",
          support.decide(
              plan.funderViewer(),
              request.id(),
              new SupportInputs.Decision(
                  List.of(
                      new SupportInputs.LineDecision(
                          request.lines().get(0).id().value().toString(),
                          null,
                          approved,
                          stage == 4 ? "Not this time (demo)" : "Approved (demo)",
                          null)),
                  request.version())));
    }
  }

  private static <T> T done(FundsOutcome<T> outcome) {
    if (outcome instanceof FundsOutcome.Done<T> done) {
      return done.value();
    }
    DemoCollective.logIfRefused("funds record", outcome);
    return null;
  }

  private static <T> T done(SupportOutcome<T> outcome) {
    if (outcome instanceof SupportOutcome.Done<T> done) {
      return done.value();
    }
    DemoCollective.logIfRefused("support request", outcome);
    return null;
  }
}
