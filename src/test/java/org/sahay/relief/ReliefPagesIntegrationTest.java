package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class ReliefPagesIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;
  @Autowired private org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aLeaderFindsAMemberGivesOnceAndSeesWhoRecordedItOnTheSecondTry() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    String round = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
    String member = relief.member("Lakshmi Devi");
    Http browser = http();
    browser.signIn(leader.username(), leader.password());

    assertThat(browser.get("/relief").body()).contains("Ration round").contains(round);
    String page = "/relief/rounds/" + round;
    assertThat(browser.get(page).body())
        .contains("method=\"post\" action=\"/relief/rounds/" + round + "/search\"");
    // Found by a posted search, in Telugu: the name never enters an address.
    var found = browser.postForm(page + "/search", Map.of("q", "లక్ష్మి"), page);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains("Lakshmi Devi")
        .contains("name=\"memberId\" value=\"" + member);

    var given =
        browser.postForm(
            "/relief/rounds/" + round + "/distributions", Map.of("memberId", member), page);
    assertThat(given.statusCode()).isEqualTo(302);
    assertThat(path(given)).isEqualTo(page);
    assertThat(browser.get(path(given)).body()).contains("Hand-over recorded.");
    assertThat(browser.postForm(page + "/search", Map.of("q", "Lakshmi"), page).body())
        .contains("Already received:")
        .contains(leader.username())
        .doesNotContain("name=\"memberId\"");
    var again =
        browser.postForm(
            "/relief/rounds/" + round + "/distributions", Map.of("memberId", member), page);
    assertThat(browser.get(path(again)).body())
        .contains("Already received in this round")
        .contains(leader.username());

    var summary = browser.get("/relief/rounds/" + round + "/summary").body();
    assertThat(summary).contains("id=\"round-summary\"").contains("Households reached");
  }

  /**
   * A newcomer who looks like someone already given to is answered on the spot with what was typed,
   * to confirm or correct; the typed name and phone never rest in the session store (a flash
   * attribute did, until the next page was fetched, or for the session's life on a phone that lost
   * the network at that moment).
   */
  @Test
  void aLikelySameNewcomerIsAnsweredOnTheSpotWithoutKeepingWhatWasTypedInTheSession() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    String page = "/relief/rounds/" + round;
    var first =
        browser.postForm(
            page + "/distributions",
            Map.of("name", "Synthia Newcomer", "phone", "9000054321", "village", "Kothapeta"),
            page);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    var second =
        browser.postForm(
            page + "/distributions",
            Map.of("name", "Synthia Newcomer", "phone", "9000054321", "village", "Kothapeta"),
            page);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("value=\"9000054321\"", "name=\"notDuplicate\"");
    for (Map<String, Object> row :
        jdbc.sql("select attribute_bytes from spring_session_attributes").query().listOfRows()) {
      byte[] bytes = (byte[]) row.values().iterator().next();
      assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("9000054321")
          .doesNotContain("Synthia Newcomer");
    }
  }

  @Test
  void theSheetIsInTheOrganisationsLanguageWithASignatureColumnAndAllowsReversal() {
    Organisation collective =
        ((Organisations.Creation.Created)
                organisations.create(
                    fixtures.systemAdmin().actor(),
                    new NewOrganisation(
                        "Test telugu collective " + Fixtures.shortCode(),
                        "COLLECTIVE",
                        "Andhra Pradesh",
                        "Guntur",
                        Fixtures.shortCode(),
                        "te",
                        "Asia/Kolkata")))
            .organisation();
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    String member = relief.member("Padma");
    String given = Relief.created(relief.give(round, "{\"memberId\":\"%s\"}".formatted(member)));
    Http browser = http();
    browser.signIn(leader.username(), leader.password());

    String sheetPath = "/relief/rounds/" + round + "/sheet";
    var sheet = browser.get(sheetPath).body();
    assertThat(sheet)
        .contains("lang=\"te\"")
        .contains("సంతకం లేదా వేలిముద్ర")
        .contains("Padma")
        .contains(leader.username());

    var reversed =
        browser.postForm(
            "/relief/distributions/" + given + "/reversal",
            Map.of("round", round, "reason", "NOT_HANDED_OVER"),
            sheetPath);
    assertThat(reversed.statusCode()).isEqualTo(302);
    assertThat(browser.get(sheetPath).body()).contains("class=\"reversed\"");
    assertThat(relief.give(round, "{\"memberId\":\"%s\"}".formatted(member)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void aMentorSeesCountsOnlyWithFewerThanFiveAndNoNames() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    Relief.created(relief.give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Geeta"))));
    var staff = fixtures.user(mentor, Role.MENTOR_STAFF);
    Http browser = http();
    browser.signIn(staff.username(), staff.password());

    var list = browser.get("/relief?organisation=" + collective.id()).body();
    assertThat(list).contains("Ration round").contains("fewer than 5").doesNotContain("Geeta");
    var summary = browser.get("/relief/rounds/" + round + "/summary").body();
    assertThat(summary)
        .contains("id=\"round-counts\"")
        .contains("fewer than 5")
        .doesNotContain("Geeta")
        .doesNotContain("round-summary");
    assertThat(browser.get("/relief/rounds/" + round).statusCode()).isEqualTo(403);
    assertThat(browser.get("/relief/rounds/" + round + "/sheet").statusCode()).isEqualTo(403);
    assertThat(browser.get("/relief/rounds/" + round + "/sheet.pdf").statusCode()).isEqualTo(403);
    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.MENTOR), Role.MENTOR_STAFF);
    Http other = http();
    other.signIn(stranger.username(), stranger.password());
    assertThat(other.get("/relief/rounds/" + round + "/summary").statusCode()).isEqualTo(404);
    assertThat(other.get("/relief/rounds/" + round + "/sheet.pdf").statusCode()).isEqualTo(404);
  }

  private static String path(java.net.http.HttpResponse<String> redirect) {
    var uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
