package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class FundsAccessIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  private FundsClient client(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new FundsClient(http(), http().token(user.username(), Fixtures.PASSWORD));
  }

  @Test
  void anotherCollectiveGets404OnEveryFundsCall() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(ours, Role.ORG_ADMIN);
    String campaign = admin.campaign("private", false);
    var donation = admin.donate(campaign, 50_000, "2025-05-10");
    String entry = FundsClient.field(donation.body(), "journalEntryId");
    String fund = admin.fundOf(campaign);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    String grantBody =
        """
        {"funderId":"%s","title":"Relief grant","amountPaise":1000000,"startsOn":"2025-04-01",
         "endsOn":"2026-03-31","purposes":["food"]}
        """
            .formatted(funder.id());
    // A funder not linked to the collective: its viewers would see a grant they never gave.
    var unlinked = admin.post("/api/v1/grants", grantBody);
    assertThat(unlinked.statusCode()).isEqualTo(400);
    assertThat(unlinked.body()).contains("not linked to your collective");
    organisations.link(fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, ours.id());
    var grant = admin.post("/api/v1/grants", grantBody);
    String grantId = FundsClient.field(grant.body(), "id");
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var stranger = client(other, Role.ORG_ADMIN);
    String q = "?organisation=" + ours.id();

    assertThat(stranger.get("/api/v1/campaigns/" + campaign).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/campaigns" + q).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/campaigns/" + campaign + "/donations").statusCode())
        .isEqualTo(404);
    var foreignDonation = stranger.donate(campaign, 100, "2025-05-10");
    assertThat(foreignDonation.statusCode()).isEqualTo(404);
    assertThat(foreignDonation.body()).doesNotContain("Asha");
    assertThat(stranger.get("/api/v1/journal-entries/" + entry).statusCode()).isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/journal-entries/" + entry + "/reversal", "{\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/ledger/trial-balance" + q).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/ledger/accounts" + q).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/funds" + q).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/grants" + q).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/grants/" + grantId).statusCode()).isEqualTo(404);
    assertThat(
            stranger
                .post(
                    "/api/v1/grants/" + grantId + "/instalments",
                    "{\"amountPaise\":100,\"receivedOn\":\"2025-05-01\"}")
                .statusCode())
        .isEqualTo(404);
    var spendTheirs = stranger.expense(fund, 100);
    assertThat(spendTheirs.statusCode()).isEqualTo(400);
    assertThat(spendTheirs.body()).contains("\"fundId\"");
    var admin2 = fixtures.systemAdmin();
    var system = new FundsClient(http(), http().token(admin2.username(), admin2.password()));
    assertThat(system.get("/api/v1/funds" + q).statusCode()).isEqualTo(404);
    assertThat(system.get("/api/v1/campaigns/" + campaign + "/donations").statusCode())
        .isEqualTo(404);
    assertThat(admin.get("/api/v1/funds").body()).contains("\"raised\":50000");
  }

  @Test
  void aFunderViewerSeesTheGrantsItGaveAndTheirSpendingButNeverDonors() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    var otherFunder = fixtures.organisation(OrganisationKind.FUNDER);
    var system = fixtures.systemAdmin().actor();
    organisations.link(system, funder.id(), LinkKind.FUNDER_OF, collective.id());
    organisations.link(system, otherFunder.id(), LinkKind.FUNDER_OF, collective.id());
    String bank = admin.bankAccount(false);
    String ours = grant(admin, funder, "Ration grant");
    String theirs = grant(admin, otherFunder, "Other grant");
    assertThat(
            admin
                .post(
                    "/api/v1/grants/" + ours + "/instalments",
                    "{\"amount\":\"50,000\",\"receivedOn\":\"2025-05-01\",\"accountId\":\"%s\"}"
                        .formatted(bank))
                .statusCode())
        .isEqualTo(201);
    String grantFund = FundsClient.field(admin.get("/api/v1/grants/" + ours).body(), "fundId");
    var spent = admin.expenseFrom(grantFund, bank, 1_200_000);
    assertThat(spent.statusCode()).as(spent.body()).isEqualTo(201);
    String campaign = admin.campaign("donors", false);
    admin.donate(campaign, 70_000, "2025-05-10");
    var viewer = client(funder, Role.FUNDER_VIEWER);
    String q = "?organisation=" + collective.id();

    var grants = viewer.get("/api/v1/grants" + q);
    assertThat(grants.statusCode()).isEqualTo(200);
    assertThat(grants.body())
        .contains("Ration grant", "\"receivedPaise\":5000000", "\"spentPaise\":1200000")
        .contains("ration kits", "\"peopleReached\":4")
        .doesNotContain("Other grant", "Kirana store");
    assertThat(viewer.get("/api/v1/grants/" + theirs).statusCode()).isEqualTo(404);
    var funds = viewer.get("/api/v1/funds" + q);
    assertThat(funds.statusCode()).isEqualTo(200);
    assertThat(funds.body()).contains("Ration grant").doesNotContain("Lockdown", "Other grant");
    assertThat(viewer.get("/api/v1/campaigns/" + campaign + "/donations").statusCode())
        .isEqualTo(403);
    assertThat(viewer.get("/api/v1/campaigns" + q).statusCode()).isEqualTo(403);
    assertThat(viewer.get("/api/v1/ledger/trial-balance" + q).statusCode()).isEqualTo(403);
    assertThat(viewer.donate(campaign, 100, "2025-05-10").statusCode()).isEqualTo(403);
  }

  @Test
  void mentorStaffSeeTheFundsOfCollectivesTheyMentorButNotDonorsOrOthers() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var unmentored = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("mentored", false);
    admin.donate(campaign, 40_000, "2025-05-10");
    var staff = client(mentor, Role.MENTOR_STAFF);

    assertThat(staff.get("/api/v1/funds?organisation=" + collective.id()).body())
        .contains("\"raised\":40000");
    assertThat(staff.get("/api/v1/ledger/trial-balance?organisation=" + collective.id()).body())
        .contains("\"debits\":40000", "\"credits\":40000");
    var donations = staff.get("/api/v1/campaigns/" + campaign + "/donations");
    assertThat(donations.statusCode()).isEqualTo(200);
    assertThat(donations.body()).contains("\"donorName\":null").doesNotContain("Asha");
    assertThat(staff.donate(campaign, 100, "2025-05-10").statusCode()).isEqualTo(403);
    assertThat(staff.get("/api/v1/funds?organisation=" + unmentored.id()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aLeaderRecordsDonationsButNeitherExpensesNorReversals() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = client(collective, Role.ORG_ADMIN);
    String campaign = admin.campaign("leader", false);
    var leader = client(collective, Role.LEADER);

    var donation = leader.donate(campaign, 30_000, "2025-05-10");

    assertThat(donation.statusCode()).isEqualTo(201);
    assertThat(leader.expense(admin.fundOf(campaign), 100).statusCode()).isEqualTo(403);
    assertThat(
            leader
                .post(
                    "/api/v1/journal-entries/"
                        + FundsClient.field(donation.body(), "journalEntryId")
                        + "/reversal",
                    "{\"reason\":\"wrong\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            leader
                .post("/api/v1/campaigns", "{\"name\":\"x\",\"slug\":\"leader-own\"}")
                .statusCode())
        .isEqualTo(403);
  }

  private static String grant(FundsClient admin, Organisation funder, String title) {
    var response =
        admin.post(
            "/api/v1/grants",
            """
            {"funderId":"%s","title":"%s","amount":"10,00,000","startsOn":"2025-04-01",
             "endsOn":"2026-03-31","purposes":["food","rent"]}
            """
                .formatted(funder.id(), title));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return FundsClient.field(response.body(), "id");
  }
}
