package org.sahay.entitlements;

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

class CoverageIntegrationTest extends IntegrationTest {

  private static final String AADHAAR = "{\"type\":\"AADHAAR\",\"number\":\"0123\"}";
  private static final String BANK = "{\"type\":\"BANK_ACCOUNT\",\"number\":\"4567\"}";
  private static final String RATION = "{\"type\":\"RATION_CARD\",\"status\":\"HAVE\"}";

  @Autowired private Organisations organisations;

  /**
   * Seven members, six in Guntur: the collective sees exact counts and shares per district; its
   * mentor and funder see counts with those under five suppressed and no drive outcomes; anyone
   * else is told there is nothing there.
   */
  @Test
  void ownPeopleSeeExactSharesAndMentorsAndFundersSeeSuppressedCounts() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    leader.member("Cov One", AADHAAR, BANK);
    leader.member("Cov Two", AADHAAR, BANK);
    leader.member("Cov Three", AADHAAR, RATION);
    leader.member("Cov Four");
    leader.member("Cov Five");
    String six = leader.member("Cov Six", AADHAAR);
    leader.memberIn("Prakasam", "Cov Seven", AADHAAR);
    assertThat(leader.record(six, leader.scheme("PMJDY"), "GRANTED", null).statusCode())
        .isEqualTo(200);

    String own = leader.get("/api/v1/coverage").body();
    assertThat(Json.flag(own, "$.exact")).isTrue();
    assertThat(Json.number(own, "$.total.members.value")).isEqualTo(7);
    assertThat(Json.number(own, "$.total.holding.AADHAAR.value")).isEqualTo(5);
    assertThat(Json.number(own, "$.total.percent.AADHAAR")).isEqualTo(71);
    assertThat(Json.number(own, "$.total.holding.BANK_ACCOUNT.value")).isEqualTo(3);
    assertThat(Json.list(own, "$.districts[?(@.district == 'Guntur')].members.value"))
        .containsExactly(6);
    assertThat(Json.list(own, "$.districts[?(@.district == 'Guntur')].percent.RATION_CARD"))
        .containsExactly(17);
    assertThat(Json.list(own, "$.granted[*].document")).containsExactly("BANK_ACCOUNT");
    assertThat(Json.list(own, "$.granted[*].count.value")).containsExactly(1);

    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var staff = fixtures.user(mentor, Role.MENTOR_STAFF);
    Entitled mentorStaff = new Entitled(http(), http().token(staff.username(), staff.password()));
    String theirs = mentorStaff.get("/api/v1/coverage?organisation=" + collective.id()).body();
    assertThat(Json.flag(theirs, "$.exact")).isFalse();
    assertThat(Json.number(theirs, "$.total.members.value")).isEqualTo(7);
    assertThat(Json.number(theirs, "$.total.holding.AADHAAR.value")).isEqualTo(5);
    assertThat(Json.object(theirs, "$.total.holding.BANK_ACCOUNT"))
        .containsEntry("value", null)
        .containsEntry("fewerThanFive", true);
    assertThat(Json.object(theirs, "$.total.percent")).isEmpty();
    assertThat(Json.list(theirs, "$.districts[?(@.district == 'Prakasam')].members.value"))
        .containsExactly((Object) null);
    assertThat(theirs).doesNotContain("Cov ");

    Http browser = http();
    browser.signIn(staff.username(), staff.password());
    String page = browser.get("/entitlements/coverage").body();
    assertThat(page).contains(collective.name(), "fewer than 5", "id=\"coverage-total\"");

    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    var viewer = fixtures.user(funder, Role.FUNDER_VIEWER);
    Entitled funderViewer =
        new Entitled(http(), http().token(viewer.username(), viewer.password()));
    assertThat(funderViewer.get("/api/v1/coverage?organisation=" + collective.id()).statusCode())
        .isEqualTo(200);

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.MENTOR), Role.MENTOR_STAFF);
    Entitled other = new Entitled(http(), http().token(stranger.username(), stranger.password()));
    assertThat(other.get("/api/v1/coverage?organisation=" + collective.id()).statusCode())
        .isEqualTo(404);
  }
}
