package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class FundsApiIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  private FundsClient client(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new FundsClient(http(), http().token(user.username(), Fixtures.PASSWORD));
  }

  @Test
  void aDonationPostsABalancedEntryWithAReceiptAndEncryptedDonor() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("ration", false);

    var donation = admin.donate(campaign, 250_000, "2025-05-10");

    assertThat(donation.statusCode()).as(donation.body()).isEqualTo(201);
    assertThat(Json.text(donation.body(), "$.receiptNumber")).isEqualTo("2025-26/000001");
    assertThat(Json.text(donation.body(), "$.financialYear")).isEqualTo("2025-26");
    assertThat(Json.text(donation.body(), "$.donorName")).isEqualTo("Asha Testdonor");
    assertThat(admin.trialBalance("debits")).isEqualTo(250_000);
    assertThat(admin.trialBalance("credits")).isEqualTo(250_000);
    var funds = admin.get("/api/v1/funds").body();
    String fund = "$.funds[?(@.id == '" + admin.fundOf(campaign) + "')]";
    assertThat(Json.list(funds, fund + ".raised")).containsExactly(250000);
    assertThat(Json.list(funds, fund + ".remaining")).containsExactly(250000);
    String entry = FundsClient.field(donation.body(), "journalEntryId");
    String journal = admin.get("/api/v1/journal-entries/" + entry).body();
    assertThat(Json.number(journal, "$.debitsPaise")).isEqualTo(250000);
    assertThat(Json.number(journal, "$.creditsPaise")).isEqualTo(250000);
    assertThat(journal).doesNotContain("Asha");
    byte[] stored =
        jdbc.sql("select donor_name from donation where id = :id")
            .param("id", java.util.UUID.fromString(FundsClient.field(donation.body(), "id")))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Asha");
  }

  @Test
  void anExpenseThatWouldTakeARestrictedFundBelowZeroIsRefusedWithWhatIsLeft() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("medicines", false);
    admin.donate(campaign, 100_000, "2025-05-10");
    String fund = admin.fundOf(campaign);

    assertThat(admin.expense(fund, 60_000).statusCode()).isEqualTo(201);
    var refused = admin.expense(fund, 50_000);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Json.number(refused.body(), "$.remainingPaise")).isEqualTo(40000);
    assertThat(Json.text(refused.body(), "$.refusal")).isEqualTo("NOT_ENOUGH_IN_FUND");
    assertThat(Json.text(refused.body(), "$.detail"))
        .contains("only ₹400 left, and this needs ₹500");
    var hindi =
        admin.post(
            "/api/v1/expenses",
            "{\"fundId\":\"%s\",\"category\":\"FOOD_AND_RATIONS\",\"payee\":\"x\",\"amountPaise\":50000,\"spentOn\":\"2025-06-01\",\"bought\":\"rice\",\"peopleReached\":1}"
                .formatted(fund),
            "Accept-Language",
            "hi");
    assertThat(hindi.body()).contains("इस कोष में सिर्फ़ ₹400 बचे हैं");
    assertThat(
            Json.list(
                admin.get("/api/v1/funds").body(), "$.funds[?(@.id == '" + fund + "')].spent"))
        .containsExactly(60000);
    assertThat(admin.trialBalance("debits")).isEqualTo(admin.trialBalance("credits"));
  }

  @Test
  void cashInHandNeverGoesBelowZeroEvenWhenTheFundHasTheMoneyInTheBank() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("bank", false);
    String bank = admin.bankAccount(false);
    var donated =
        admin.post(
            "/api/v1/campaigns/" + campaign + "/donations",
            """
            {"amountPaise":300000,"receivedOn":"2025-05-10","channel":"BANK_TRANSFER",
             "accountId":"%s","donorName":"Asha Testdonor"}
            """
                .formatted(bank));
    assertThat(donated.statusCode()).as(donated.body()).isEqualTo(201);
    String fund = admin.fundOf(campaign);

    // Paid in cash (no account named): the collective never received any cash.
    var refused = admin.expense(fund, 300_000);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Json.text(refused.body(), "$.refusal")).isEqualTo("NOT_ENOUGH_IN_ACCOUNT");
    assertThat(Json.text(refused.body(), "$.detail"))
        .contains("holds only ₹0, and this needs ₹3,000");
    assertThat(Json.list(admin.get("/api/v1/funds").body(), "$.funds[*].spent")).containsOnly(0);

    var fromBank = admin.expenseFrom(fund, bank, 300_000);
    assertThat(fromBank.statusCode()).as(fromBank.body()).isEqualTo(201);
    assertThat(admin.trialBalance("debits")).isEqualTo(admin.trialBalance("credits"));
  }

  /**
   * Reversing a donation takes its money back out of the account it came into, never below zero:
   * cash given to one campaign may have paid another campaign's expense since (the cash box is
   * one), so the fund alone cannot tell.
   */
  @Test
  void reversingADonationNeverTakesCashInHandBelowZero() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String inCash = admin.campaign("cash-given", false);
    String inBank = admin.campaign("bank-given", false);
    String bank = admin.bankAccount(false);
    var cash = admin.donate(inCash, 300_000, "2025-05-10");
    assertThat(cash.statusCode()).as(cash.body()).isEqualTo(201);
    var banked =
        admin.post(
            "/api/v1/campaigns/" + inBank + "/donations",
            """
            {"amountPaise":300000,"receivedOn":"2025-05-10","channel":"BANK_TRANSFER",
             "accountId":"%s","donorName":"Asha Testdonor"}
            """
                .formatted(bank));
    assertThat(banked.statusCode()).as(banked.body()).isEqualTo(201);
    // The bank-given campaign's expense is paid from the cash box, which holds the other's money.
    assertThat(admin.expense(admin.fundOf(inBank), 300_000).statusCode()).isEqualTo(201);

    var reversed =
        admin.post(
            "/api/v1/journal-entries/"
                + FundsClient.field(cash.body(), "journalEntryId")
                + "/reversal",
            "{\"reason\":\"recorded against the wrong campaign\"}");
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(409);
    assertThat(reversed.body()).contains("holds only ₹0");
    assertThat(admin.trialBalance("debits")).isEqualTo(admin.trialBalance("credits"));
  }

  @Test
  void invalidFieldsAreNamedInTheCallersLanguage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("words", false);

    var response =
        admin.post(
            "/api/v1/campaigns/" + campaign + "/donations",
            "{\"amount\":\"-5\",\"receivedOn\":\"31-03-2025\",\"channel\":\"CHEQUE\"}",
            "Accept-Language",
            "te");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.text(response.body(), "$.errors.amount")).startsWith("సున్నా కంటే ఎక్కువ");
    assertThat(Json.text(response.body(), "$.errors.receivedOn")).startsWith("తేదీని");
    assertThat(Json.text(response.body(), "$.errors.channel")).startsWith("యూపీఐ");
  }

  @Test
  void receiptNumbersStartAgainOnTheFirstOfApril() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = client(collective, Role.LEADER);
    String campaign = client(collective, Role.ORG_ADMIN).campaign("yearend", false);

    var march1 = leader.donate(campaign, 10_000, "2025-03-31");
    var april = leader.donate(campaign, 10_000, "2025-04-01");
    var march2 = leader.donate(campaign, 10_000, "2025-03-31");
    var april2 = leader.donate(campaign, 10_000, "2025-04-02");

    assertThat(FundsClient.field(march1.body(), "receiptNumber")).isEqualTo("2024-25/000001");
    assertThat(FundsClient.field(april.body(), "receiptNumber")).isEqualTo("2025-26/000001");
    assertThat(FundsClient.field(march2.body(), "receiptNumber")).isEqualTo("2024-25/000002");
    assertThat(FundsClient.field(april2.body(), "receiptNumber")).isEqualTo("2025-26/000002");
  }

  @Test
  void foreignContributionsAreReceivedOnlyIntoTheFcraAccount() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String foreignCampaign = admin.campaign("abroad", true);
    String domesticCampaign = admin.campaign("home", false);
    String savings = admin.bankAccount(false);
    String fcra = admin.bankAccount(true);
    String body =
        "{\"amountPaise\":90000,\"receivedOn\":\"2025-05-01\",\"channel\":\"BANK_TRANSFER\",\"accountId\":\"%s\"}";

    var intoSavings =
        admin.post("/api/v1/campaigns/" + foreignCampaign + "/donations", body.formatted(savings));
    var asCash = admin.donate(foreignCampaign, 90_000, "2025-05-01");
    var domesticIntoFcra =
        admin.post("/api/v1/campaigns/" + domesticCampaign + "/donations", body.formatted(fcra));
    var intoFcra =
        admin.post("/api/v1/campaigns/" + foreignCampaign + "/donations", body.formatted(fcra));

    assertThat(intoSavings.statusCode()).isEqualTo(409);
    assertThat(intoSavings.body()).contains("FOREIGN_NEEDS_FCRA_ACCOUNT");
    assertThat(asCash.statusCode()).isEqualTo(409);
    assertThat(domesticIntoFcra.statusCode()).isEqualTo(409);
    assertThat(domesticIntoFcra.body()).contains("FCRA_ACCOUNT_IS_FOR_FOREIGN_ONLY");
    assertThat(intoFcra.statusCode()).as(intoFcra.body()).isEqualTo(201);
    assertThat(FundsClient.field(intoFcra.body(), "receiptNumber")).endsWith("/000001");
    String funds = admin.get("/api/v1/funds").body();
    assertThat(Json.object(funds, "$.foreign"))
        .containsEntry("raised", 90000)
        .containsEntry("spent", 0)
        .containsEntry("remaining", 90000);
    assertThat(Json.number(funds, "$.domestic.raised")).isZero();
  }

  @Test
  void aReversalPostsTheMirrorEntryWithItsReasonOnceOnly() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("undo", false);
    admin.donate(campaign, 100_000, "2025-05-10");
    var expense = admin.expense(admin.fundOf(campaign), 30_000);
    String entry = FundsClient.field(expense.body(), "journalEntryId");

    var noReason = admin.post("/api/v1/journal-entries/" + entry + "/reversal", "{}");
    var reversal =
        admin.post(
            "/api/v1/journal-entries/" + entry + "/reversal",
            "{\"reason\":\"Recorded twice by mistake\"}");
    var again =
        admin.post("/api/v1/journal-entries/" + entry + "/reversal", "{\"reason\":\"once more\"}");
    String reversalId = FundsClient.field(reversal.body(), "id");
    var ofReversal =
        admin.post("/api/v1/journal-entries/" + reversalId + "/reversal", "{\"reason\":\"undo\"}");

    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(reversal.statusCode()).as(reversal.body()).isEqualTo(201);
    assertThat(Json.text(reversal.body(), "$.kind")).isEqualTo("REVERSAL");
    assertThat(Json.text(reversal.body(), "$.reverses")).isEqualTo(entry);
    assertThat(Json.text(reversal.body(), "$.reason")).isEqualTo("Recorded twice by mistake");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("ALREADY_REVERSED");
    assertThat(ofReversal.statusCode()).isEqualTo(409);
    assertThat(Json.list(admin.get("/api/v1/funds").body(), "$.funds[*].spent")).containsOnly(0);
    assertThat(Json.text(admin.get("/api/v1/journal-entries/" + entry).body(), "$.reversedBy"))
        .isEqualTo(reversalId);
    assertThat(admin.trialBalance("debits"))
        .isEqualTo(admin.trialBalance("credits"))
        .isEqualTo(100_000 + 2 * 2 * 30_000);
  }

  @Test
  void aDonationCannotBeReversedOnceItsMoneyIsSpent() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("spent", false);
    var donation = admin.donate(campaign, 100_000, "2025-05-10");
    admin.expense(admin.fundOf(campaign), 80_000);

    var reversal =
        admin.post(
            "/api/v1/journal-entries/"
                + FundsClient.field(donation.body(), "journalEntryId")
                + "/reversal",
            "{\"reason\":\"cheque bounced\"}");

    assertThat(reversal.statusCode()).isEqualTo(409);
    assertThat(Json.number(reversal.body(), "$.remainingPaise")).isEqualTo(20000);
  }
}
