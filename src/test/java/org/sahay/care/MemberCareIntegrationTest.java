package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class MemberCareIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  /**
   * A member's care page shows each part only to those allowed: a leader sees her doses, trainings,
   * livelihoods and reach but no health, debt or incident section at all; a counsellor sees health
   * and debts too; another collective gets 404. The overview counts this month's sessions.
   */
  @Test
  void eachPartOfAMembersCareIsShownOnlyToThoseAllowed() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leaderUser = fixtures.user(collective, Role.LEADER);
    var counsellorUser = fixtures.user(collective, Role.COUNSELLOR);
    Cared leader = new Cared(http(), http().token(leaderUser.username(), leaderUser.password()));
    Cared counsellor =
        new Cared(http(), http().token(counsellorUser.username(), counsellorUser.password()));
    String[] asha = leader.member("Asha Whole", "Guntur");
    leader.post(
        "/api/v1/vaccinations",
        "{\"member\":\"%s\",\"vaccine\":\"TD\",\"dose\":1,\"givenOn\":\"2026-02-01\"}"
            .formatted(asha[1]));
    leader.put(
        "/api/v1/devices/reach", "{\"member\":\"%s\",\"reach\":\"PHONE\"}".formatted(asha[1]));
    counsellor.post(
        "/api/v1/loans",
        "{\"member\":\"%s\",\"lender\":\"LANDLORD\",\"principal\":\"9000\",\"interestPercent\":\"4\","
                .formatted(asha[1])
            + "\"interestPeriod\":\"MONTH\"}");
    counsellor.post(
        "/api/v1/health-support",
        "{\"member\":\"%s\",\"kind\":\"MEDICINE\",\"what\":\"Synthetic syrup\"}"
            .formatted(asha[1]));
    counsellor.post(
        "/api/v1/counselling-sessions",
        "{\"member\":\"%s\",\"mode\":\"IN_PERSON\"}".formatted(asha[1]));

    Http leaderBrowser = http();
    leaderBrowser.signIn(leaderUser.username(), leaderUser.password());
    String page = leaderBrowser.get("/care/members/" + asha[0]).body();
    assertThat(page).contains("id=\"care-doses\"", "Phone calls");
    assertThat(page)
        .doesNotContain("care-health", "care-loans", "care-incidents", "Synthetic syrup", "₹9000");
    assertThat(leaderBrowser.get("/members/" + asha[0]).body())
        .contains("/care/members/" + asha[0]);

    Http counsellorBrowser = http();
    counsellorBrowser.signIn(counsellorUser.username(), counsellorUser.password());
    String theirs = counsellorBrowser.get("/care/members/" + asha[0]).body();
    assertThat(theirs).contains("Synthetic syrup", "House owner", "₹9000");
    assertThat(theirs).doesNotContain("care-incidents");
    assertThat(counsellorBrowser.get("/care").body()).contains("1 sessions this month.");

    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var staff = fixtures.user(mentor, Role.MENTOR_STAFF);
    Cared mentorStaff = new Cared(http(), http().token(staff.username(), staff.password()));
    String counts = mentorStaff.get("/api/v1/care/counts?organisation=" + collective.id()).body();
    assertThat(Json.flag(counts, "$.exact")).isFalse();
    assertThat(Json.flag(counts, "$.sessionsThisMonth.fewerThanFive")).isTrue();
    assertThat(Json.flag(counts, "$.openLoans.fewerThanFive")).isTrue();
    assertThat(counts).doesNotContain("Asha", asha[1]);
    assertThat(Json.number(counsellor.get("/api/v1/care/counts").body(), "$.openLoans.value"))
        .isEqualTo(1);

    var stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.COUNSELLOR);
    Http strangerBrowser = http();
    strangerBrowser.signIn(stranger.username(), stranger.password());
    assertThat(strangerBrowser.get("/care/members/" + asha[0]).statusCode()).isEqualTo(404);
    Cared strangerApi = new Cared(http(), http().token(stranger.username(), stranger.password()));
    assertThat(strangerApi.get("/api/v1/care/counts?organisation=" + collective.id()).statusCode())
        .isEqualTo(404);
  }
}
