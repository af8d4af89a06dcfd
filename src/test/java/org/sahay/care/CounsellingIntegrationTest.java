package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Plaintext;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CounsellingIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  private Cared client(Fixtures.TestUser user) {
    return new Cared(http(), http().token(user.username(), user.password()));
  }

  private static HttpResponse<String> phq9(Cared counsellor, String member, int item, int nine) {
    StringBuilder answers = new StringBuilder("{");
    for (int i = 1; i <= 8; i++) {
      answers.append("\"phq9_").append(i).append("\":\"").append(item).append("\",");
    }
    answers.append("\"phq9_9\":\"").append(nine).append("\",\"phq9_difficulty\":\"somewhat\"}");
    return counsellor.post(
        "/api/v1/forms/phq9/submissions",
        "{\"memberId\":\"" + member + "\",\"answers\":" + answers + "}");
  }

  private static HttpResponse<String> session(
      Cared counsellor, String member, String notes, String followUpOn) {
    return counsellor.post(
        "/api/v1/counselling-sessions",
        "{\"member\":\"%s\",\"mode\":\"PHONE\",\"notes\":\"%s\"%s}"
            .formatted(
                member, notes, followUpOn == null ? "" : ",\"followUpOn\":\"" + followUpOn + "\""));
  }

  /**
   * A counsellor's notes open for her and for the colleague she shares them with, and for nobody
   * else (another counsellor sees that a session was held, not what was said); opening them is
   * audited; the table holds no plaintext; only her counsellor may share; erasure removes them.
   */
  @Test
  void notesAreForTheirCounsellorAndThoseSheSharesThemWith() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var a = fixtures.user(collective, Role.COUNSELLOR);
    var b = fixtures.user(collective, Role.COUNSELLOR);
    var leaderUser = fixtures.user(collective, Role.LEADER);
    Cared counsellor = client(a);
    Cared other = client(b);
    Cared leader = client(leaderUser);
    String[] asha = leader.member("Asha Counselled", "Guntur");
    var made = session(counsellor, asha[1], "Synthetic worry about the rent", null);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(Json.text(made.body(), "$.notes")).isEqualTo("Synthetic worry about the rent");
    String base = "/api/v1/counselling-sessions?member=" + asha[0];

    long audited = audited(asha[0]);
    assertThat(Json.list(counsellor.get(base).body(), "$[*].notes"))
        .containsExactly("Synthetic worry about the rent");
    assertThat(audited(asha[0])).isEqualTo(audited + 1);
    assertThat(Json.list(other.get(base).body(), "$[*].notes")).containsExactly((Object) null);
    assertThat(Json.list(other.get(base).body(), "$[*].counsellor")).containsExactly(a.username());
    assertThat(leader.get(base).statusCode()).isEqualTo(403);
    Plaintext.absent(
        jdbc, new String[] {"counselling_session", "audit_entry"}, "Synthetic worry about");

    String share =
        "{\"member\":\"%s\",\"username\":\"%s\"}".formatted(asha[0], leaderUser.username());
    assertThat(other.post("/api/v1/counselling-sessions/shares", share).statusCode())
        .as("only her counsellor shares")
        .isEqualTo(403);
    assertThat(
            counsellor
                .post(
                    "/api/v1/counselling-sessions/shares",
                    "{\"member\":\"%s\",\"username\":\"nobody-here\"}".formatted(asha[0]))
                .statusCode())
        .isEqualTo(400);
    assertThat(counsellor.post("/api/v1/counselling-sessions/shares", share).statusCode())
        .isEqualTo(204);
    assertThat(Json.list(leader.get(base).body(), "$[*].notes"))
        .containsExactly("Synthetic worry about the rent");
    assertThat(client(fixtures.user(collective, Role.LEADER)).get(base).statusCode())
        .isEqualTo(403);

    Cared stranger =
        client(fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.COUNSELLOR));
    assertThat(stranger.get(base).statusCode()).isEqualTo(404);
    assertThat(Json.object(session(stranger, asha[0], "x", null).body(), "$.errors"))
        .containsKey("member");

    assertThat(client(fixtures.user(collective, Role.ORG_ADMIN)).erase(asha[0])).isEqualTo(204);
    assertThat(
            jdbc.sql("select count(*) from counselling_session where organisation_id = :org")
                .param("org", collective.id().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  private long audited(String member) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'COUNSELLING_NOTES_READ'"
                + " and entity_id = :m")
        .param("m", member)
        .query(Long.class)
        .single();
  }

  /**
   * A PHQ-9 answering item 9 puts the member at the top of the counsellor's list until a counsellor
   * records a contact; a follow-up due comes after; scores show as a chart and a table; group
   * sessions count their attendance by code.
   */
  @Test
  void anUrgentScreeningHeadsTheListUntilAContactAndScoresAreCharted() {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var a = fixtures.user(collective, Role.COUNSELLOR);
    Cared counsellor = client(a);
    Cared leader = client(fixtures.user(collective, Role.LEADER));
    String[] asha = leader.member("Asha Followed", "Guntur");
    String[] bina = leader.member("Bina Urgent", "Guntur");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    assertThat(
            session(counsellor, asha[1], "first talk", today.minusDays(1).toString()).statusCode())
        .isEqualTo(201);
    assertThat(phq9(counsellor, bina[0], 1, 0).statusCode()).isEqualTo(201);
    assertThat(phq9(counsellor, bina[0], 2, 1).statusCode()).isEqualTo(201);

    String waiting = counsellor.get("/api/v1/counselling-sessions/waiting").body();
    assertThat(Json.list(waiting, "$[*].code")).containsExactly(bina[1], asha[1]);
    assertThat(Json.list(waiting, "$[*].urgent")).containsExactly(true, false);
    assertThat(session(counsellor, bina[1], "called her", null).statusCode()).isEqualTo(201);
    assertThat(
            Json.list(counsellor.get("/api/v1/counselling-sessions/waiting").body(), "$[*].code"))
        .containsExactly(asha[1]);

    String scores = counsellor.get("/api/v1/counselling-sessions/scores?member=" + bina[0]).body();
    assertThat(Json.list(scores, "$[*].total")).containsExactly(8, 17);
    assertThat(Json.list(scores, "$[*].urgent")).containsExactly(false, true);
    assertThat(leader.get("/api/v1/counselling-sessions/scores?member=" + bina[0]).statusCode())
        .isEqualTo(403);

    var group =
        counsellor.post(
            "/api/v1/counselling-sessions/group",
            "{\"topic\":\"RESILIENCE\",\"facilitator\":\"Synthetic facilitator\",\"attendance\":[\"%s, %s\"]}"
                .formatted(asha[1], bina[1]));
    assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
    assertThat(Json.number(group.body(), "$.attended")).isEqualTo(2);
    var unknown =
        counsellor.post(
            "/api/v1/counselling-sessions/group",
            "{\"topic\":\"RESILIENCE\",\"facilitator\":\"F\",\"attendance\":[\"NOPE-1\"]}");
    assertThat(Json.object(unknown.body(), "$.errors")).containsOnlyKeys("attendance");

    Http browser = http();
    browser.signIn(a.username(), a.password());
    String list = browser.get("/care/counselling").body();
    assertThat(list).contains(asha[1], "Resilience building", "2 attended");
    String page = browser.get("/care/counselling/members/" + bina[0]).body();
    assertThat(page).contains("<svg", "role=\"img\"", "<polyline", "id=\"counselling-scores\"");
    assertThat(page).contains("Moderately severe", "called her");
  }
}
