package org.sahay.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahay.Pages.location;
import static org.sahay.Pages.registerMember;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/** The needs register pages: recording by hand, moving a need on, stale changes, filters. */
class NeedPagesIntegrationTest extends IntegrationTest {

  @Test
  void aLeaderRecordsANeedFromTheMemberPageAndFollowsItUp() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    assertThat(http.get("/members/" + member).body())
        .contains("href=\"/needs/new?member=" + member + "\"");
    String form = "/needs/new?member=" + member;

    var refused = http.postForm("/needs", Map.of("member", member, "severity", "HIGH"), form);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("class=\"error\"").contains("Choose a need");

    var recorded =
        http.postForm(
            "/needs", Map.of("member", member, "category", "food", "severity", "HIGH"), form);
    String need = location(recorded);
    assertThat(need).matches("/needs/[0-9a-f-]{36}");

    var api = http();
    String token = api.token(leader.username(), leader.password());
    var withFollowUp =
        api.postJson(
            "/api/v1/needs",
            "{\"memberId\":\"%s\",\"category\":\"rent\",\"followUpBy\":\"leader two\"}"
                .formatted(member),
            "Authorization",
            Http.bearer(token));
    assertThat(withFollowUp.statusCode()).isEqualTo(201);
    assertThat(withFollowUp.body()).contains("\"followUpBy\":\"leader two\"");
    assertThat(http.get(need).body())
        .contains("The need is recorded.", "Food", "High", "Open", "id=\"need-history\"");

    var changed =
        http.postForm(
            need,
            Map.of(
                "status",
                "BEING_MET",
                "severity",
                "URGENT",
                "followUpBy",
                "leader one",
                "version",
                "0"),
            need);
    assertThat(location(changed)).isEqualTo(need);
    String page = http.get(need).body();
    assertThat(page).contains("id=\"need-status\">Being met<", "Urgent", "leader one");

    var stale =
        http.postForm(need, Map.of("status", "MET", "severity", "URGENT", "version", "0"), need);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone changed this need after you opened it");
    assertThat(http.get(need).body()).contains("id=\"need-status\">Being met<");

    // A version that is not a number binds as none: the form says so beside the field, keeps what
    // was chosen, and nothing changes.
    var mangled =
        http.postForm(need, Map.of("status", "MET", "severity", "LOW", "version", "seven"), need);
    assertThat(mangled.statusCode()).isEqualTo(200);
    assertThat(mangled.body()).contains("Send the version you last read");
    assertThat(http.get(need).body()).contains("id=\"need-status\">Being met<", "Urgent");

    String open = http.get("/needs?status=OPEN").body();
    assertThat(open).doesNotContain(need);
    String beingMet = http.get("/needs?status=BEING_MET").body();
    assertThat(beingMet).contains(need, "-000001", "Food").doesNotContain("Synthetic Page Member");

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http strangerHttp = http();
    strangerHttp.signIn(stranger.username(), stranger.password());
    assertThat(strangerHttp.get(need).statusCode()).isEqualTo(404);
    assertThat(strangerHttp.get("/needs").body()).doesNotContain(need);
  }

  /**
   * The register names a household by its code, not just "Household", and a member's and a
   * household's needs are listed on their own pages (issue 12 item 7).
   */
  @Test
  void householdNeedsCarryTheHouseholdsCodeAndEachRecordListsItsNeeds() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    String memberPage = "/members/" + member;
    assertThat(http.get(memberPage).body()).contains("No needs recorded yet.");
    var created =
        http.postForm(
            "/households",
            Map.of("member", member, "headMemberId", member, "housing", "RENTED"),
            "/households/new?member=" + member);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String household = location(created);
    String householdId = household.substring(household.lastIndexOf('/') + 1);

    String memberNeed =
        location(
            http.postForm(
                "/needs",
                Map.of("member", member, "category", "medical", "severity", "HIGH"),
                "/needs/new?member=" + member));
    String householdNeed =
        location(
            http.postForm(
                "/needs",
                Map.of("household", householdId, "category", "food", "severity", "URGENT"),
                "/needs/new?household=" + householdId));

    String code = collective.shortCode().value() + "-000001";
    String register = http.get("/needs").body();
    assertThat(register).contains("Household of " + code);
    assertThat(http.get(householdNeed).body()).contains("Household of " + code);

    String onMember = http.get(memberPage).body();
    assertThat(onMember)
        .contains("href=\"" + memberNeed + "\"", "Medical", "High")
        .doesNotContain("No needs recorded yet.");
    String onHousehold = http.get(household).body();
    assertThat(onHousehold).contains("href=\"" + householdNeed + "\"", "Food", "Urgent");
    assertThat(onHousehold).doesNotContain("href=\"" + memberNeed + "\"");
  }

  @Test
  void theRegisterIsInTheUsersLanguage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    http.postForm(
        "/needs",
        Map.of("member", member, "category", "rent", "severity", "URGENT"),
        "/needs/new?member=" + member);
    assertThat(http.get("/needs?lang=bn").body()).contains("ভাড়া", "জরুরি", "খোলা");
  }
}
