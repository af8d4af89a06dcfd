package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sahay.Concurrently;
import org.sahay.Fixtures;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class FundsConcurrencyIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void twentyConcurrentExpensesNeverSpendMoreThanARestrictedFundHolds() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = new FundsClient(http(), http().token(user.username(), Fixtures.PASSWORD));
    String campaign = admin.campaign("race", false);
    admin.donate(campaign, 100_000, "2025-05-10");
    String fund = admin.fundOf(campaign);

    List<HttpResponse<String>> answers = Concurrently.all(20, () -> admin.expense(fund, 15_000));

    long accepted = answers.stream().filter(r -> r.statusCode() == 201).count();
    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
    assertThat(accepted).isEqualTo(6);
    String funds = admin.get("/api/v1/funds").body();
    assertThat(funds).contains("\"spent\":90000", "\"remaining\":10000");
    assertThat(
            jdbc.sql("select coalesce(sum(amount), 0) from expense where fund_id = :f")
                .param("f", java.util.UUID.fromString(fund))
                .query(Long.class)
                .single())
        .isEqualTo(90_000L);
    assertThat(admin.trialBalance("debits")).isEqualTo(admin.trialBalance("credits"));
  }

  @Test
  void concurrentDonationsGetDistinctConsecutiveReceiptNumbers() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    var admin =
        new FundsClient(
            http(),
            http().token(fixtures.user(collective, Role.ORG_ADMIN).username(), Fixtures.PASSWORD));
    String campaign = admin.campaign("receipts", false);
    var leader = new FundsClient(http(), http().token(user.username(), Fixtures.PASSWORD));

    List<HttpResponse<String>> answers =
        Concurrently.all(20, () -> leader.donate(campaign, 1_000, "2025-07-01"));

    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
    List<String> receipts =
        answers.stream().map(r -> FundsClient.field(r.body(), "receiptNumber")).sorted().toList();
    assertThat(receipts)
        .isEqualTo(
            IntStream.rangeClosed(1, 20)
                .mapToObj(n -> String.format("2025-26/%06d", n))
                .collect(Collectors.toList()));
    assertThat(admin.trialBalance("debits")).isEqualTo(20_000);
  }

  /**
   * One bank line (one reference) sent to two campaigns at once, ten times each: it is recorded
   * once in the organisation's books, whichever campaign wins.
   */
  @Test
  void oneReferenceSentToTwoCampaignsAtOnceIsRecordedOnce() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin =
        new FundsClient(
            http(),
            http().token(fixtures.user(collective, Role.ORG_ADMIN).username(), Fixtures.PASSWORD));
    String first = admin.campaign("ref-one", false);
    String second = admin.campaign("ref-two", false);
    String bank = admin.bankAccount(false);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    List<HttpResponse<String>> answers =
        Concurrently.all(
            20,
            () ->
                admin.post(
                    "/api/v1/campaigns/"
                        + (n.getAndIncrement() % 2 == 0 ? first : second)
                        + "/donations",
                    """
                    {"amountPaise":5000,"receivedOn":"2025-07-01","channel":"BANK_TRANSFER",
                     "accountId":"%s","reference":"UTR-SYNTH-0001","anonymous":true}
                    """
                        .formatted(bank)));
    assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
    assertThat(admin.trialBalance("debits")).isEqualTo(5_000);
  }
}
