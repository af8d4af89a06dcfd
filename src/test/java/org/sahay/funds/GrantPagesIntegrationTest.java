package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class GrantPagesIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;
  @Autowired private JdbcClient jdbc;

  @Test
  void anAdminRecordsAGrantFromALinkedFunderAndAnInstalmentThatReachesTheBooks() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    var unlinked = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    Http browser = browser(admin);

    String form = browser.get("/funds/grants/new").body();
    assertThat(form).contains(funder.name()).doesNotContain(unlinked.name());

    Map<String, String> refused = grant(funder.id().toString());
    refused.put("purposes", "  \n ");
    refused.put("endsOn", "2026-01-01");
    var again = browser.postForm("/funds/grants", refused, "/funds/grants/new");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body())
        .contains("Give 1 to 20 purposes")
        .contains("The end date cannot be before the start date.");
    assertThat(grants(collective.id().value())).isZero();

    var saved =
        browser.postForm("/funds/grants", grant(funder.id().toString()), "/funds/grants/new");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(grants(collective.id().value())).isEqualTo(1);
    String list = browser.get("/funds/grants").body();
    assertThat(list).contains("Grant recorded.").contains("Relief for the lockdown");
    String grant =
        jdbc.sql("select id from grant_award where organisation_id = :org")
            .param("org", collective.id().value())
            .query(String.class)
            .single();

    String instalmentPage = "/funds/grants/" + grant + "/instalments/new";
    assertThat(browser.get(instalmentPage).body()).contains("id=\"no-bank\"");
    var account =
        browser.postForm(
            "/funds/accounts", Map.of("grant", grant, "name", "Savings 4321"), instalmentPage);
    assertThat(account.statusCode()).isEqualTo(302);
    String withAccount = browser.get(instalmentPage).body();
    assertThat(withAccount).contains("Bank account added.").contains("Savings 4321");
    String accountId =
        jdbc.sql("select id from ledger_account where organisation_id = :org and kind = 'BANK'")
            .param("org", collective.id().value())
            .query(String.class)
            .single();

    Map<String, String> instalment = new LinkedHashMap<>();
    instalment.put("amount", "1,00,000");
    instalment.put("receivedOn", "2026-05-02");
    instalment.put("accountId", accountId);
    instalment.put("reference", "UTR 42");
    var received =
        browser.postForm(
            "/funds/grants/" + grant + "/instalments",
            instalment,
            "/funds/grants/" + grant + "/instalments/new");
    assertThat(received.statusCode()).isEqualTo(302);
    assertThat(browser.get("/funds/grants").body())
        .contains("Instalment recorded")
        .contains("₹1,00,000");
    String balance =
        new FundsClient(http(), http().token(admin.username(), Fixtures.PASSWORD))
            .get("/api/v1/ledger/trial-balance")
            .body();
    assertThat(balance).contains("\"debits\":10000000").contains("\"credits\":10000000");

    var leader = browser(fixtures.user(collective, Role.LEADER));
    assertThat(leader.get("/funds/grants/new").statusCode()).isIn(403, 404);
    var stranger =
        browser(fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN));
    assertThat(stranger.get("/funds/grants/" + grant + "/instalments/new").statusCode())
        .isEqualTo(404);
    assertThat(
            stranger
                .postForm("/funds/grants/" + grant + "/instalments", instalment, "/funds/grants")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aReversalThatWouldOverdrawARestrictedFundSaysHowMuchIsLeftAndWhatItNeeds() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    var api = new FundsClient(http(), http().token(admin.username(), Fixtures.PASSWORD));
    String campaign = api.campaign("spent", false);
    var donation = api.donate(campaign, 1_000_00L, "2026-05-10");
    assertThat(donation.statusCode()).isEqualTo(201);
    assertThat(api.expense(api.fundOf(campaign), 800_00L).statusCode()).isEqualTo(201);
    String entry = FundsClient.field(donation.body(), "journalEntryId");

    Http browser = browser(admin);
    String page = "/funds/entries/" + entry + "/reverse";
    assertThat(browser.get(page).body()).contains("10 May 2026");
    var refused = browser.postForm(page, Map.of("reason", "Entered twice"), page);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("This fund has only ₹200 left, and this needs ₹1,000.");
  }

  private static Map<String, String> grant(String funder) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("funderId", funder);
    form.put("title", "Relief for the lockdown");
    form.put("amount", "3,00,000");
    form.put("startsOn", "2026-04-01");
    form.put("endsOn", "2027-03-31");
    form.put("purposes", "Rations for members' households\nRent support");
    return form;
  }

  private long grants(java.util.UUID organisation) {
    return jdbc.sql("select count(*) from grant_award where organisation_id = :org")
        .param("org", organisation)
        .query(Long.class)
        .single();
  }

  private Http browser(Fixtures.TestUser user) {
    Http http = http();
    http.signIn(user.username(), user.password());
    return http;
  }
}
