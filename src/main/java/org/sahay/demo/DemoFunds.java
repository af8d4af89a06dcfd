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
  private final org.sahay.support.SupportPayments payments;

  DemoFunds(
      Ledger ledger,
      Campaigns campaigns,
      Donations donations,
      Grants grants,
      Expenses expenses,
      SupportRequests support,
      org.sahay.support.SupportPayments payments) {
    this.ledger = ledger;
    this.campaigns = campaigns;
    this.donations = donations;
    this.grants = grants;
    this.expenses = expenses;
    this.support = support;
    this.payments = payments;
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
    requests(plan, made, account, day);
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
  private void requests(
      DemoCollective.Plan plan, List<MemberId> made, String account, LocalDate day) {
    String[] titles = {
      "Medicines for members (draft)",
      "School fees for children",
      "Rent support for three months",
      "Ration kits for households",
      "Travel to the district office",
      "Electricity arrears",
      "Vegetables for the lockdown"
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
      String approved = stage == 3 ? "12,000" : stage == 4 ? "0" : "20,000";
      SupportRequest decided =
          done(
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
      if (stage >= 5 && decided != null && decided.grantId() != null) {
        fundAndPay(plan, decided, made.get(stage), account, day, stage == 5 ? "8,000" : "20,000");
      }
      if (stage == 6) {
        DemoCollective.logIfRefused("closing", support.close(plan.leader(), request.id()));
      }
    }
  }

  /**
   * The approval made a grant: the funder's money for it arrives, then part or all of it is paid
   * out to the line's member.
   */
  private void fundAndPay(
      DemoCollective.Plan plan,
      SupportRequest decided,
      MemberId member,
      String account,
      LocalDate day,
      String amount) {
    DemoCollective.logIfRefused(
        "instalment",
        grants.receiveInstalment(
            plan.leader(),
            decided.grantId(),
            new InstalmentInput(null, "20,000", day.toString(), account, "UTR-DEMO-GRANT")));
    pay(plan, decided, member, account, amount);
  }

  /** Pays part or all of a request's approved line to its member, from the bank account. */
  private void pay(
      DemoCollective.Plan plan,
      SupportRequest request,
      MemberId member,
      String account,
      String amount) {
    DemoCollective.logIfRefused(
        "payment",
        payments.disburse(
            plan.leader(),
            request.id(),
            new SupportInputs.Disbursement(
                request.lines().get(0).id().value().toString(),
                member.value().toString(),
                null,
                null,
                amount,
                "BANK_TRANSFER",
                account,
                "UTR-DEMO-" + request.id().value().toString().substring(0, 8),
                null,
                List.of())));
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
