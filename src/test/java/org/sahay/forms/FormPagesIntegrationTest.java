package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahay.Pages.location;
import static org.sahay.Pages.registerMember;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/**
 * Filling the built-in household needs assessment page by page without JavaScript: answers kept in
 * the session, wrong answers shown again with their message beside the field, pages that do not
 * apply skipped, a review, and the needs raised shown after submitting.
 */
class FormPagesIntegrationTest extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  private org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aLeaderFillsTheNeedsAssessmentPageByPageAndSeesTheNeedsRaised() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    assertThat(http.get("/members/" + member).body())
        .contains("href=\"/forms?member=" + member + "\"");

    String page = location(http.get("/forms/household-needs/fill?member=" + member));
    assertThat(page).matches("/forms/drafts/[0-9a-f-]{36}/pages/1");
    String draft = page.substring(0, page.lastIndexOf("/pages/"));
    assertThat(http.get(page).body()).contains("Ask about the whole household");

    assertThat(next(http, draft, 1, Map.of())).isEqualTo(draft + "/pages/2");
    var wrong =
        post(
            http,
            draft,
            2,
            Map.of(
                "q.visit_date", "2026-01-15",
                "q.household_size", "40",
                "q.children_school_age", "0",
                "go", "next"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body())
        .contains("id=\"q-household_size-error\"")
        .contains("Write a number from 1 to 30.")
        .contains("value=\"40\"")
        .contains("value=\"2026-01-15\"")
        .doesNotContain("id=\"q-visit_date-error\"");
    assertThat(
            next(
                http,
                draft,
                2,
                Map.of(
                    "q.visit_date",
                    "2026-01-15",
                    "q.household_size",
                    "4",
                    "q.children_school_age",
                    "0")))
        .isEqualTo(draft + "/pages/3");
    // The half-filled answers wait in the session table, sealed: no answer is readable there.
    for (byte[] attribute :
        jdbc.sql("select attribute_bytes from spring_session_attributes")
            .query((rs, n) -> rs.getBytes(1))
            .list()) {
      assertThat(new String(attribute, java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("2026-01-15");
    }
    assertThat(post(http, draft, 3, Map.of("go", "previous")).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(draft + "/pages/2"));
    assertThat(http.get(draft + "/pages/2").body()).contains("value=\"4\"");
    assertThat(next(http, draft, 3, Map.of("q.food_shortage", "often", "q.ration_card", "no")))
        .isEqualTo(draft + "/pages/4");

    // The rent questions appear only once the household says it rents; then nothing is wrong yet.
    assertThat(http.get(draft + "/pages/4").body()).doesNotContain("q.rent_arrears_months");
    var more = post(http, draft, 4, Map.of("q.housing", "rented", "go", "next"));
    assertThat(more.statusCode()).isEqualTo(200);
    assertThat(more.body())
        .contains("name=\"q.rent_arrears_months\"")
        .contains("inputmode=\"numeric\"")
        .doesNotContain("class=\"error\"");
    assertThat(
            next(
                http,
                draft,
                4,
                Map.of(
                    "q.housing",
                    "rented",
                    "q.rent_arrears_months",
                    "4",
                    "q.eviction_threat",
                    "yes")))
        .isEqualTo(draft + "/pages/5");
    assertThat(
            next(http, draft, 5, Map.of("q.electricity_arrears", "0", "q.electricity_cut", "no")))
        .isEqualTo(draft + "/pages/6");
    String health = http.get(draft + "/pages/6").body();
    assertThat(health).contains("type=\"checkbox\" name=\"q.medical_needs\"");
    assertThat(next(http, draft, 6, Map.of("q.medical_needs", "none", "q.distress", "no")))
        .isEqualTo(draft + "/pages/7");
    assertThat(next(http, draft, 7, Map.of("q.documents_missing", "none")))
        .isEqualTo(draft + "/pages/8");
    assertThat(next(http, draft, 8, Map.of("q.has_debt", "no"))).isEqualTo(draft + "/pages/9");
    assertThat(
            next(http, draft, 9, Map.of("q.livelihood_lost", "no", "q.income_last_month", "3000")))
        .isEqualTo(draft + "/pages/10");
    // No child of school age: the education page is skipped, straight to the review.
    assertThat(next(http, draft, 10, Map.of("q.unsafe", "no", "q.violence", "no")))
        .isEqualTo(draft + "/review");
    assertThat(location(http.get(draft + "/pages/11"))).isEqualTo(draft + "/review");

    String review = http.get(draft + "/review").body();
    assertThat(review)
        .contains("Often", "Rented", "3000")
        .doesNotContain("Is any child out of school");
    var submitted = http.postForm(draft + "/submit", Map.of(), draft + "/review");
    assertThat(location(submitted)).isEqualTo(draft + "/done");
    String done = http.get(draft + "/done").body();
    assertThat(done)
        .contains("id=\"raised-needs\"")
        .contains("Food", "Rent", "Urgent")
        .contains("href=\"/needs\"");
    assertThat(http.get("/needs").body()).contains("Food", "Rent", "-000001");
    // Submitted once: going back to a page shows the result, nothing is submitted twice.
    assertThat(location(http.get(draft + "/pages/3"))).isEqualTo(draft + "/done");
  }

  @Test
  void theReviewSendsBackToAPageNotYetAnswered() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    String page = location(http.get("/forms/household-needs/fill?member=" + member));
    String draft = page.substring(0, page.lastIndexOf("/pages/"));
    assertThat(location(http.get(draft + "/review"))).isEqualTo(draft + "/pages/2");
  }

  @Test
  void aWrongAnswerIsExplainedInTheUsersLanguage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    http.get("/?lang=te");
    String page = location(http.get("/forms/household-needs/fill?member=" + member));
    String draft = page.substring(0, page.lastIndexOf("/pages/"));
    var wrong =
        post(
            http,
            draft,
            2,
            Map.of("q.visit_date", "2026-13-45", "q.household_size", "40", "go", "next"));
    assertThat(wrong.body())
        .contains("id=\"q-visit_date-error\"")
        .contains("id=\"q-household_size-error\"")
        .contains("id=\"q-children_school_age-error\"")
        .contains("1 నుండి 30 వరకు సంఖ్య రాయండి.")
        .contains("value=\"40\"");
  }

  @Test
  void aLeaderDoesNotSeeScreeningFormsButACounsellorDoes() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    var counsellor = fixtures.user(collective, Role.COUNSELLOR);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    String forms = http.get("/forms?member=" + member).body();
    assertThat(forms).contains("/forms/household-needs/fill?member=" + member);
    assertThat(forms).doesNotContain("phq9").doesNotContain("gad7");
    assertThat(http.get("/forms/phq9/fill?member=" + member).statusCode()).isEqualTo(404);

    Http counsellorHttp = http();
    counsellorHttp.signIn(counsellor.username(), counsellor.password());
    assertThat(counsellorHttp.get("/forms?member=" + member).body())
        .contains("/forms/phq9/fill?member=" + member, "/forms/gad7/fill?member=" + member);
    assertThat(location(counsellorHttp.get("/forms/phq9/fill?member=" + member)))
        .contains("/forms/drafts/");
  }

  @Test
  void anotherCollectivesMemberIsNotFound() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String member = registerMember(http);
    String page = location(http.get("/forms/household-needs/fill?member=" + member));

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http strangerHttp = http();
    strangerHttp.signIn(stranger.username(), stranger.password());
    assertThat(strangerHttp.get("/forms/household-needs/fill?member=" + member).statusCode())
        .isEqualTo(404);
    assertThat(strangerHttp.get("/forms?member=" + member).statusCode()).isEqualTo(404);
    assertThat(strangerHttp.get("/needs/new?member=" + member).statusCode()).isEqualTo(404);
    assertThat(strangerHttp.get("/forms/household-needs/fill?member=not-a-uuid").statusCode())
        .isEqualTo(404);
    // A draft belongs to the session that started it.
    assertThat(strangerHttp.get(page).statusCode()).isEqualTo(404);
  }

  private static String next(Http http, String draft, int number, Map<String, String> answers) {
    Map<String, String> form = new HashMap<>(answers);
    form.put("go", "next");
    var response = post(http, draft, number, form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return location(response);
  }

  private static HttpResponse<String> post(
      Http http, String draft, int number, Map<String, String> form) {
    return http.postForm(draft + "/pages/" + number, form, draft + "/pages/" + number);
  }
}
