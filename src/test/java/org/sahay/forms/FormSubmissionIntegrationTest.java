package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filling forms through the API: answers checked and sealed, needs raised into the register,
 * screenings kept to those with the sensitive-data permission, uploads refused with their reasons,
 * old answers readable after the form changes, and nothing left readable after erasure.
 */
class FormSubmissionIntegrationTest extends IntegrationTest {

  private static final String NEEDS_ANSWERS =
      """
      {"visit_date":"2026-11-01","household_size":"4","children_school_age":"2",
       "food_shortage":"often","ration_card":"no","housing":"rented","rent_arrears_months":"4",
       "eviction_threat":"yes","electricity_arrears":"0","electricity_cut":"no",
       "medical_needs":"none","distress":"no","documents_missing":"none","has_debt":"no",
       "livelihood_lost":"no","income_last_month":"3000","unsafe":"no","violence":"no",
       "school_dropout_risk":"no"}""";

  @Autowired private JdbcClient jdbc;

  @Test
  void aLeaderFillsTheNeedsAssessmentAndTheNeedsReachTheRegister() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    Http http = http();
    var saved = submit(http, leader, "household-needs", member, NEEDS_ANSWERS, null);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(Json.list(saved.body(), "$.needs[*].category"))
        .contains("FOOD", "RENT", "DOCUMENTS");
    String needs =
        http.get("/api/v1/needs?status=OPEN", "Authorization", Http.bearer(leader)).body();
    assertThat(Json.list(needs, "$[?(@.category == 'FOOD')].severity")).containsExactly("HIGH");
    assertThat(Json.list(needs, "$[?(@.category == 'RENT')].severity")).containsExactly("URGENT");
    assertThat(Json.list(needs, "$[*].member")).containsOnly(member);
    String need = Json.text(saved.body(), "$.needs[0].id");
    String history = http.get("/api/v1/needs/" + need, "Authorization", Http.bearer(leader)).body();
    assertThat(Json.text(history, "$.history[0].status")).isEqualTo("OPEN");
    assertThat(Json.text(history, "$.history[0].recorded_by")).isNotBlank();
    assertThat(Json.text(history, "$.history[0].recorded_at")).isNotBlank();
    // The answers are sealed: the income typed is nowhere in the table.
    for (Map<String, Object> row : jdbc.sql("select * from form_submission").query().listOfRows()) {
      for (Object value : row.values()) {
        String text =
            value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.ISO_8859_1)
                : String.valueOf(value);
        assertThat(text).doesNotContain("2026-11-01").doesNotContain("often");
      }
    }
    String id = field(saved.body(), "id");
    assertThat(
            Json.text(
                http.get("/api/v1/form-submissions/" + id, "Authorization", Http.bearer(leader))
                    .body(),
                "$.answers.food_shortage"))
        .isEqualTo("often");
  }

  /**
   * A second assessment of the same member updates her open needs of the same categories and says
   * so, instead of raising each again (issue 12 item 5); a category met meanwhile is raised anew.
   */
  @Test
  void aSecondAssessmentUpdatesTheOpenNeedsItFindsAgainInsteadOfRaisingCopies() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    Http http = http();
    var first = submit(http, leader, "household-needs", member, NEEDS_ANSWERS, null);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).doesNotContain("\"updated\":true");
    long raised = openNeeds(member);
    assertThat(raised).isGreaterThanOrEqualTo(3);
    String foodNeed =
        jdbc.sql("select cast(id as varchar) from need where member_id = :m and category = 'FOOD'")
            .param("m", UUID.fromString(member))
            .query(String.class)
            .single();
    jdbc.sql("update need set status = 'MET' where id = :id")
        .param("id", UUID.fromString(foodNeed))
        .update();

    var second =
        submit(
            http,
            leader,
            "household-needs",
            member,
            NEEDS_ANSWERS.replace("\"rent_arrears_months\":\"4\"", "\"rent_arrears_months\":\"1\""),
            null);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    // Rent was open: updated in place, and the answer names the need and its earlier severity.
    assertThat(second.body())
        .containsPattern("\"category\":\"RENT\",\"severity\":\"[A-Z]+\",\"updated\":true,\"was\"")
        .containsPattern("\"category\":\"FOOD\",\"severity\":\"[A-Z]+\",\"updated\":false");
    assertThat(second.body()).doesNotContain(foodNeed);
    // Food had been met, so the second assessment raised it again; nothing else was copied.
    assertThat(openNeeds(member)).isEqualTo(raised);
    assertThat(
            jdbc.sql("select count(*) from need where member_id = :m and category = 'RENT'")
                .param("m", UUID.fromString(member))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long openNeeds(String member) {
    return jdbc.sql(
            "select count(*) from need where member_id = :m and status in ('OPEN', 'BEING_MET')")
        .param("m", UUID.fromString(member))
        .query(Long.class)
        .single();
  }

  @Test
  void wrongAnswersAreExplainedPerFieldInTheUsersLanguage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    var refused =
        submit(
            http(),
            leader,
            "household-needs",
            member,
            NEEDS_ANSWERS.replace("\"household_size\":\"4\"", "\"household_size\":\"40\""),
            "te");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.text(refused.body(), "$.errors.household_size"))
        .containsPattern("[\\u0C00-\\u0C7F]");
    assertThat(
            jdbc.sql("select count(*) from form_submission where member_id = :m")
                .param("m", UUID.fromString(member))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void screeningsAreForThoseWithTheSensitivePermissionAndItemNineIsUrgent() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String counsellor = token(fixtures.user(collective, Role.COUNSELLOR));
    String member = member(leader);
    String answers =
        "{\"phq9_1\":\"1\",\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\","
            + "\"phq9_6\":\"0\",\"phq9_7\":\"0\",\"phq9_8\":\"0\",\"phq9_9\":\"1\","
            + "\"phq9_difficulty\":\"somewhat\"}";
    Http http = http();
    assertThat(submit(http, leader, "phq9", member, answers, null).statusCode()).isEqualTo(403);
    var saved = submit(http, counsellor, "phq9", member, answers, null);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(Json.list(saved.body(), "$.needs[*].category")).containsExactly("MENTAL_HEALTH");
    assertThat(Json.list(saved.body(), "$.needs[*].severity")).containsExactly("URGENT");
    String id = field(saved.body(), "id");
    assertThat(
            http.get("/api/v1/form-submissions/" + id, "Authorization", Http.bearer(leader))
                .statusCode())
        .isEqualTo(403);
    String screening =
        http.get("/api/v1/form-submissions/" + id, "Authorization", Http.bearer(counsellor)).body();
    assertThat(Json.text(screening, "$.answers.phq9_total")).isEqualTo("6");
    assertThat(Json.text(screening, "$.answers.phq9_band")).isEqualTo("mild");
    assertThat(http.get("/api/v1/needs", "Authorization", Http.bearer(leader)).body())
        .doesNotContain("MENTAL_HEALTH");
    String forCounsellor =
        http.get("/api/v1/needs", "Authorization", Http.bearer(counsellor)).body();
    assertThat(Json.text(forCounsellor, "$[0].severity")).isEqualTo("URGENT");

    // What the screening found is sealed under her key: the needs table says nothing of it.
    for (Map<String, Object> row :
        jdbc.sql("select category, severity, sealed from need where member_id = :m")
            .param("m", UUID.fromString(member))
            .query()
            .listOfRows()) {
      assertThat(row.get("category")).isEqualTo("SEALED");
      assertThat(row.get("severity")).isEqualTo("SEALED");
      assertThat(row.get("sealed")).isNotNull();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from need_event e join need n on n.id = e.need_id"
                        + " where n.member_id = :m and e.severity <> 'SEALED'")
                .param("m", UUID.fromString(member))
                .query(Long.class)
                .single())
        .isZero();
    // The leader learns only that a follow-up is due, for whom, not why.
    var leaderUser = fixtures.user(collective, Role.LEADER);
    Http pages = http();
    pages.signIn(leaderUser.username(), leaderUser.password());
    String needsPage = pages.get("/needs").body();
    assertThat(needsPage)
        .contains("id=\"follow-ups\"", "Follow-up due", "/members/" + member)
        .doesNotContain("Mental health")
        .doesNotContain("Urgent");
  }

  @Test
  void theMemberHistoryTellsOfAScreeningOnlyToThoseWhoMayReadItAndSpeaksTheReadersLanguage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leaderUser = fixtures.user(collective, Role.LEADER);
    var counsellorUser = fixtures.user(collective, Role.COUNSELLOR);
    String leader = token(leaderUser);
    String counsellor = token(counsellorUser);
    String member = member(leader);
    String answers =
        "{\"phq9_1\":\"1\",\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\","
            + "\"phq9_6\":\"0\",\"phq9_7\":\"0\",\"phq9_8\":\"0\",\"phq9_9\":\"0\","
            + "\"phq9_difficulty\":\"somewhat\"}";
    assertThat(submit(http(), counsellor, "phq9", member, answers, null).statusCode())
        .isEqualTo(201);

    Http leaderPages = http();
    leaderPages.signIn(leaderUser.username(), leaderUser.password());
    String forLeader = leaderPages.get("/members/" + member).body();
    assertThat(forLeader)
        .contains("id=\"member-history\"", "Registered")
        .doesNotContain("Screening")
        .doesNotContain("SCREENING")
        .doesNotContain("MEMBER_REGISTERED")
        .doesNotContain(counsellorUser.username());
    assertThat(leaderPages.get("/members/" + member + "?lang=te").body())
        .contains("నమోదు అయింది")
        .doesNotContain("MEMBER_REGISTERED");

    Http counsellorPages = http();
    counsellorPages.signIn(counsellorUser.username(), counsellorUser.password());
    assertThat(counsellorPages.get("/members/" + member).body())
        .contains("Screening recorded", counsellorUser.username())
        .doesNotContain("SCREENING_SUBMITTED");
  }

  @Test
  void anotherCollectivesMemberIsNotFound() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String stranger = token(fixtures.user(other, Role.LEADER));
    assertThat(
            submit(http(), stranger, "household-needs", member, NEEDS_ANSWERS, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void uploadsAreRefusedWithSheetRowAndReasonAndOldAnswersOutliveANewVersion() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    Http http = http();
    byte[] broken =
        FormFixtures.xlsx(
            Map.of(
                "survey",
                "type|name|label\ninteger|age|Age\ngeopoint|where|Where",
                "settings",
                "form_id|version\nsurvey_a|1"));
    var refused = upload(http, admin, broken);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(Json.list(refused.body(), "$.problems[?(@.sheet == 'survey')].row")).contains(3);
    assertThat(refused.body()).contains("geopoint");
    assertThat(upload(http, leader, broken).statusCode()).isEqualTo(403);

    byte[] v1 = form("1", "age", "Age");
    assertThat(upload(http, admin, v1).statusCode()).isEqualTo(201);
    assertThat(upload(http, admin, v1).statusCode()).isEqualTo(201);
    var taken = upload(http, admin, form("1", "years", "Years"));
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(Json.list(taken.body(), "$.problems[*].sheet")).contains("settings");
    var answered = submit(http, leader, "survey_a", member, "{\"age\":\"33\"}", null);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);

    assertThat(upload(http, admin, form("2", "years", "Years")).statusCode()).isEqualTo(201);
    assertThat(submit(http, leader, "survey_a", member, "{\"years\":\"34\"}", null).statusCode())
        .isEqualTo(201);
    String old =
        http.get(
                "/api/v1/form-submissions/" + field(answered.body(), "id"),
                "Authorization",
                Http.bearer(leader))
            .body();
    assertThat(Json.text(old, "$.version")).isEqualTo("1");
    assertThat(Json.text(old, "$.answers.age")).isEqualTo("33");
  }

  @Test
  void erasingTheMemberLeavesHerAnswersUnreadableAndHerNeedsAnonymous() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String member = member(admin);
    Http http = http();
    var saved = submit(http, admin, "household-needs", member, NEEDS_ANSWERS, null);
    String id = field(saved.body(), "id");
    assertThat(
            http.send(
                    "DELETE",
                    "/api/v1/members/" + member + "?reason=MEMBER_REQUEST",
                    null,
                    "Authorization",
                    Http.bearer(admin))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            http.get("/api/v1/form-submissions/" + id, "Authorization", Http.bearer(admin))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
    String needs = http.get("/api/v1/needs", "Authorization", Http.bearer(admin)).body();
    assertThat(Json.list(needs, "$[*].category")).contains("FOOD");
    assertThat(needs).doesNotContain(member);
  }

  @Test
  void aStaleChangeOfANeedIsRefused() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String member = member(leader);
    Http http = http();
    var recorded =
        http.postJson(
            "/api/v1/needs",
            "{\"memberId\":\"" + member + "\",\"category\":\"food\",\"severity\":\"high\"}",
            "Authorization",
            Http.bearer(leader));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    String id = field(recorded.body(), "id");
    String path = "/api/v1/needs/" + id + "/status";
    assertThat(
            http.postJson(
                    path,
                    "{\"status\":\"BEING_MET\",\"followUpBy\":\"leader one\",\"version\":0}",
                    "Authorization",
                    Http.bearer(leader))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.postJson(
                    path,
                    "{\"status\":\"MET\",\"version\":0}",
                    "Authorization",
                    Http.bearer(leader))
                .statusCode())
        .isEqualTo(409);
    String history = http.get("/api/v1/needs/" + id, "Authorization", Http.bearer(leader)).body();
    assertThat(history).contains("BEING_MET", "leader one");
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String stranger = token(fixtures.user(other, Role.LEADER));
    assertThat(http.get("/api/v1/needs/" + id, "Authorization", Http.bearer(stranger)).statusCode())
        .isEqualTo(404);
  }

  private static byte[] form(String version, String field, String label) {
    return FormFixtures.xlsx(
        Map.of(
            "survey",
            "type|name|label\ninteger|" + field + "|" + label,
            "settings",
            "form_id|version\nsurvey_a|" + version));
  }

  private HttpResponse<String> upload(Http http, String token, byte[] xlsx) {
    return http.postBytes(
        "/api/v1/forms", "application/octet-stream", xlsx, "Authorization", Http.bearer(token));
  }

  private HttpResponse<String> submit(
      Http http, String token, String form, String member, String answers, String lang) {
    return http.postJson(
        "/api/v1/forms/" + form + "/submissions" + (lang == null ? "" : "?lang=" + lang),
        "{\"memberId\":\"" + member + "\",\"answers\":" + answers + "}",
        "Authorization",
        Http.bearer(token));
  }

  private String member(String token) {
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"Synthetic Form Member\",\"gender\":\"FEMALE\",\"yearOfBirth\":1985,"
                    + "\"district\":\"Guntur\"}",
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private String token(Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
