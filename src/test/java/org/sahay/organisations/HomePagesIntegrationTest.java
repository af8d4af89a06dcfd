package org.sahay.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahay.Pages.registerMember;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Home pages lead to the day's work (issue 12 item 11): a leader sees open needs, rounds in
 * progress and requests to pay; a funder sees requests to decide and each funded collective's
 * relief counts; an empty needs register says how to add the first; the sign-in page after set-up
 * says set-up is done.
 */
class HomePagesIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  @Test
  void aLeadersAndAFundersHomeLeadToTheirWork() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    var leader = fixtures.user(collective, Role.LEADER);
    var viewer = fixtures.user(funder, Role.FUNDER_VIEWER);
    Http pages = http();
    pages.signIn(leader.username(), leader.password());

    String before = pages.get("/").body();
    assertThat(before)
        .contains("id=\"day-work\"", "Open needs: 0", "Distribution rounds in progress: 0")
        .contains("Approved requests awaiting payment: 0", "href=\"/needs?status=OPEN\"");
    assertThat(pages.get("/needs").body()).contains("id=\"needs-first\"", "Record a need");

    String member = registerMember(pages);
    pages.postForm(
        "/needs",
        Map.of("member", member, "category", "food", "severity", "HIGH"),
        "/needs/new?member=" + member);
    assertThat(pages.get("/").body()).contains("Open needs: 1");
    assertThat(pages.get("/needs").body()).doesNotContain("id=\"needs-first\"");

    Http api = http();
    String token = api.token(leader.username(), leader.password());
    var created =
        api.postJson(
            "/api/v1/support-requests",
            """
            {"addressedTo":"%s","title":"Lockdown cash support","justification":"Work stopped.",
             "lines":[{"category":"CASH_RELIEF","description":"Cash for food","amount":"1000",
                       "memberIds":["%s"]}]}
            """
                .formatted(funder.id().value(), member),
            "Authorization",
            Http.bearer(token));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String request = field(created.body(), "id");
    assertThat(
            api.postJson(
                    "/api/v1/support-requests/" + request + "/submit",
                    "{}",
                    "Authorization",
                    Http.bearer(token))
                .statusCode())
        .isEqualTo(200);

    Http funderPages = http();
    funderPages.signIn(viewer.username(), viewer.password());
    String funderHome = funderPages.get("/").body();
    assertThat(funderHome)
        .contains("Requests waiting for your decision: 1")
        .contains("href=\"/relief?organisation=" + collective.id() + "\"")
        .contains(collective.name())
        .doesNotContain("Open needs");
    assertThat(funderPages.get("/relief?organisation=" + collective.id()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theSignInPageAfterSetUpSaysSetUpIsDone() {
    assertThat(http().get("/login?setup").body()).contains("Set-up is done.");
    assertThat(http().get("/login").body()).doesNotContain("Set-up is done.");
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }
}
