package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MemberApiIntegrationTest extends IntegrationTest {

  private static final String SECRET_NOTE = "synthetic note: started ART in March";

  @Autowired private JdbcClient jdbc;
  @Autowired private DataSource dataSource;

  @Test
  void aLeaderRegistersAMemberAndGetsItsIdAndCode() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String token = token(fixtures.user(collective, Role.LEADER));
    var created = register(token, "Lakshmi", "9876543210", null);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Json.text(created.body(), "$.code"))
        .isEqualTo(collective.shortCode().value() + "-000001");
    assertThat(Json.text(created.body(), "$.id")).matches("[0-9a-f-]{36}");
    assertThat(Json.object(created.body(), "$")).containsEntry("sensitive", null);
    var second = register(token, "Durga", "9876500000", null);
    assertThat(Json.text(second.body(), "$.code"))
        .isEqualTo(collective.shortCode().value() + "-000002");
  }

  /**
   * More first registrations at once than the pool has connections, into a collective with no
   * member yet: none may wait for a second connection while holding one (issue 12 item 8).
   */
  @Test
  void concurrentFirstRegistrationsBeyondThePoolSizeAllSucceedWithDistinctCodes() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    assertThat(sequenceRows(collective.id().value())).isEqualTo(1);
    registerAllAtOnce(collective);
  }

  /** The same for a collective created before its sequence was made with it. */
  @Test
  void concurrentFirstRegistrationsMakeAMissingSequenceOnceWithoutASecondConnection()
      throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    jdbc.sql("delete from member_code_sequence where organisation_id = :o")
        .param("o", collective.id().value())
        .update();
    registerAllAtOnce(collective);
    assertThat(sequenceRows(collective.id().value())).isEqualTo(1);
  }

  private long sequenceRows(java.util.UUID organisation) {
    return jdbc.sql("select count(*) from member_code_sequence where organisation_id = :o")
        .param("o", organisation)
        .query(Long.class)
        .single();
  }

  private void registerAllAtOnce(org.sahay.organisations.Organisation collective) throws Exception {
    String token = token(fixtures.user(collective, Role.LEADER));
    int requests = 3 * ((HikariDataSource) dataSource).getMaximumPoolSize();
    var pool = Executors.newFixedThreadPool(requests);
    var start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return register(token, "Rekha " + n, null, null);
              }));
    }
    start.countDown();
    Set<String> codes = new HashSet<>();
    for (var f : futures) {
      var response = f.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      codes.add(field(response.body(), "code"));
    }
    pool.shutdown();
    assertThat(codes).hasSize(requests);
    String prefix = collective.shortCode().value() + "-";
    assertThat(codes).contains(prefix + "000001", prefix + String.format("%06d", requests));
  }

  @Test
  void aLeaderOfAnotherCollectiveCannotReadSearchChangeOrEraseTheMember() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var theirs = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String ourToken = token(fixtures.user(ours, Role.ORG_ADMIN));
    String id = field(register(ourToken, "Parvati", "9123456780", null).body(), "id");
    String stranger = token(fixtures.user(theirs, Role.ORG_ADMIN));
    Http http = http();

    assertThat(
            http.get("/api/v1/members/" + id, "Authorization", Http.bearer(stranger)).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/members?q=Parvati", "Authorization", Http.bearer(stranger)).body())
        .isEqualTo("[]");
    assertThat(
            http.get("/api/v1/members?q=9123456780", "Authorization", Http.bearer(stranger)).body())
        .isEqualTo("[]");
    var patch =
        http.send(
            "PATCH",
            "/api/v1/members/" + id,
            "{\"name\":\"Changed\",\"version\":0}",
            "Authorization",
            Http.bearer(stranger));
    assertThat(patch.statusCode()).isEqualTo(404);
    var erase =
        http.send(
            "DELETE",
            "/api/v1/members/" + id + "?reason=MEMBER_REQUEST",
            null,
            "Authorization",
            Http.bearer(stranger));
    assertThat(erase.statusCode()).isEqualTo(404);
    var admin = fixtures.systemAdmin();
    String systemToken = http.token(admin.username(), admin.password());
    assertThat(
            http.get("/api/v1/members/" + id, "Authorization", Http.bearer(systemToken))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void sensitiveFieldsReachOnlyThoseWithThePermissionAndEveryReadIsAudited() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String counsellor = token(fixtures.user(collective, Role.COUNSELLOR, Role.LEADER));
    String leader = token(fixtures.user(collective, Role.LEADER));
    String id = field(register(counsellor, "Rekha", null, SECRET_NOTE).body(), "id");
    Http http = http();

    var full = http.get("/api/v1/members/" + id, "Authorization", Http.bearer(counsellor));
    assertThat(Json.text(full.body(), "$.sensitive.notes")).isEqualTo(SECRET_NOTE);
    assertThat(Json.flag(full.body(), "$.sensitive.onArt")).isTrue();
    var limited = http.get("/api/v1/members/" + id, "Authorization", Http.bearer(leader));
    assertThat(limited.statusCode()).isEqualTo(200);
    assertThat(limited.body()).doesNotContain(SECRET_NOTE);
    assertThat(Json.object(limited.body(), "$")).containsEntry("sensitive", null);

    var refused = register(leader, "Durga", null, "synthetic: leader tries to write notes");
    assertThat(refused.statusCode()).isEqualTo(403);

    long reads =
        jdbc.sql(
                "select count(*) from audit_entry where action = 'SENSITIVE_READ' and entity_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(reads).isEqualTo(1);
  }

  @Test
  void anAdminCanGrantOneLeaderTheConfidentialProfilesAndTakeItBack() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    var leader = fixtures.user(collective, Role.LEADER);
    String id = field(register(token(admin), "Radha", null, SECRET_NOTE).body(), "id");
    String leaderToken = token(leader);
    Http adminBrowser = http();
    adminBrowser.signIn(admin.username(), admin.password());
    String usersPage = "/organisations/" + collective.id() + "/users";

    adminBrowser.postForm(
        "/users/" + leader.actor().id() + "/sensitive", Map.of("allowed", "true"), usersPage);
    assertThat(adminBrowser.get(usersPage).body()).contains("Sees confidential profiles");
    assertThat(
            http().get("/api/v1/members/" + id, "Authorization", Http.bearer(leaderToken)).body())
        .contains(SECRET_NOTE);

    adminBrowser.postForm(
        "/users/" + leader.actor().id() + "/sensitive", Map.of("allowed", "false"), usersPage);
    assertThat(
            http().get("/api/v1/members/" + id, "Authorization", Http.bearer(leaderToken)).body())
        .doesNotContain(SECRET_NOTE);

    var stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http strangerBrowser = http();
    strangerBrowser.signIn(stranger.username(), stranger.password());
    var refused =
        strangerBrowser.postForm(
            "/users/" + leader.actor().id() + "/sensitive", Map.of("allowed", "true"), "/account");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'USER_GRANTED' and entity_id = :u")
                .param("u", leader.actor().id().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aLeadersChangeKeepsTheSensitiveProfileItCannotSee() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String counsellor = token(fixtures.user(collective, Role.COUNSELLOR, Role.LEADER));
    String leader = token(fixtures.user(collective, Role.LEADER));
    String id = field(register(counsellor, "Padma", null, SECRET_NOTE).body(), "id");
    var patched =
        http()
            .send(
                "PATCH",
                "/api/v1/members/" + id,
                "{\"village\":\"Kothapeta\",\"version\":0}",
                "Authorization",
                Http.bearer(leader));
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(Json.text(patched.body(), "$.village")).isEqualTo("Kothapeta");
    assertThat(Json.number(patched.body(), "$.version")).isEqualTo(1);
    assertThat(http().get("/api/v1/members/" + id, "Authorization", Http.bearer(counsellor)).body())
        .contains(SECRET_NOTE);
  }

  @Test
  void theDatabaseNeverHoldsSensitivePlaintextAndErasureMakesItUnreadable() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String id = field(register(admin, "Durga", "9988776655", SECRET_NOTE).body(), "id");
    // A phone replaying with an Idempotency-Key makes Sahay keep the answer, profile included.
    var replayable =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"Sita\",\"gender\":\"FEMALE\",\"yearOfBirth\":1980,"
                    + "\"district\":\"Guntur\",\"sensitive\":{\"notes\":\""
                    + SECRET_NOTE
                    + "\"}}",
                "Authorization",
                Http.bearer(admin),
                "Idempotency-Key",
                java.util.UUID.randomUUID().toString());
    assertThat(replayable.body()).contains(SECRET_NOTE);

    for (String table :
        new String[] {
          "member", "member_document", "data_key", "audit_entry", "idempotency_record"
        }) {
      for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
        for (Object value : row.values()) {
          String text =
              value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.ISO_8859_1)
                  : String.valueOf(value);
          assertThat(text).as(table).doesNotContain("started ART");
        }
      }
    }

    assertThat(
            jdbc.sql("select personal from member where id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query((rs, n) -> rs.getBytes(1))
                .single())
        .as("sealed before erasure")
        .isNotNull();
    assertThat(
            jdbc.sql("select count(*) from member_token where member_id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .as("searchable before erasure")
        .isPositive();
    Http http = http();
    var erased =
        http.send(
            "DELETE",
            "/api/v1/members/" + id + "?reason=MEMBER_REQUEST",
            null,
            "Authorization",
            Http.bearer(admin));
    assertThat(erased.statusCode()).isEqualTo(204);
    assertThat(http.get("/api/v1/members/" + id, "Authorization", Http.bearer(admin)).statusCode())
        .isEqualTo(404);
    var row =
        jdbc.sql("select * from member where id = :id")
            .param("id", java.util.UUID.fromString(id))
            .query()
            .singleRow();
    // Name, phone and village live sealed in "personal" (the plain columns have been empty since
    // they were sealed); erasure empties it and the search tokens made from them.
    assertThat(row.get("personal")).isNull();
    assertThat(row.get("sensitive")).isNull();
    assertThat(
            jdbc.sql("select count(*) from member_token where member_id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(row.get("status")).isEqualTo("ERASED");
    assertThat(row.get("gender")).isEqualTo("FEMALE");
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(http.get("/api/v1/members?q=Durga", "Authorization", Http.bearer(admin)).body())
        .doesNotContain(id);
  }

  @Test
  void replayingAnIdempotencyKeyAfterErasureNeverShowsTheErasedMemberNorRegistersHerAgain() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String key = java.util.UUID.randomUUID().toString();
    String body =
        "{\"name\":\"Kamala Erasable\",\"phone\":\"9123456780\",\"gender\":\"FEMALE\","
            + "\"yearOfBirth\":1984,\"district\":\"Guntur\",\"sensitive\":{\"notes\":\""
            + SECRET_NOTE
            + "\"}}";
    java.util.function.Supplier<java.net.http.HttpResponse<String>> send =
        () ->
            http()
                .postJson(
                    "/api/v1/members",
                    body,
                    "Authorization",
                    Http.bearer(admin),
                    "Idempotency-Key",
                    key);
    var first = send.get();
    assertThat(first.statusCode()).isEqualTo(201);
    String id = field(first.body(), "id");
    var replay = send.get();
    assertThat(replay.body()).contains("Kamala Erasable");

    assertThat(
            http()
                .send(
                    "DELETE",
                    "/api/v1/members/" + id + "?reason=MEMBER_REQUEST",
                    null,
                    "Authorization",
                    Http.bearer(admin))
                .statusCode())
        .isEqualTo(204);

    var afterErasure = send.get();
    assertThat(afterErasure.statusCode()).isEqualTo(410);
    assertThat(afterErasure.body())
        .doesNotContain("Kamala")
        .doesNotContain("9123456780")
        .doesNotContain(SECRET_NOTE)
        .contains("erased");
    assertThat(
            jdbc.sql("select count(*) from member where organisation_id = :org")
                .param("org", collective.id().value())
                .query(Long.class)
                .single())
        .as("the replay registered nobody again")
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from idempotency_record r join idempotency_subject s"
                        + " on s.principal = r.principal and s.idem_key = r.idem_key"
                        + " where s.subject = :id and r.response_body is not null")
                .param("id", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anErasedMemberLeavesHerHousehold() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String id = field(register(admin, "Kamala", null, null).body(), "id");
    String other = field(register(admin, "Sita", null, null).body(), "id");
    Http http = http();
    var household =
        http.postJson(
            "/api/v1/households",
            "{\"housing\":\"RENTED\",\"district\":\"Guntur\",\"headMemberId\":\""
                + id
                + "\",\"memberIds\":[\""
                + id
                + "\",\""
                + other
                + "\"]}",
            "Authorization",
            Http.bearer(admin));
    assertThat(household.statusCode()).isEqualTo(201);
    String householdId = field(household.body(), "id");
    http.send(
        "DELETE",
        "/api/v1/members/" + id + "?reason=MEMBER_REQUEST",
        null,
        "Authorization",
        Http.bearer(admin));
    String after =
        http.get("/api/v1/households/" + householdId, "Authorization", Http.bearer(admin)).body();
    assertThat(after).doesNotContain(id).contains(other);
  }

  @Test
  void aFullAadhaarNumberIsRefusedWithAReason() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    var refused =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"Lakshmi\",\"gender\":\"FEMALE\",\"yearOfBirth\":1985,"
                    + "\"district\":\"Guntur\",\"documents\":[{\"type\":\"AADHAAR\","
                    + "\"number\":\"2345 6789 0123\"}]}",
                "Authorization",
                Http.bearer(leader));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("documents.AADHAAR").contains("last four digits");
    assertThat(refused.body()).doesNotContain("0123");
    var accepted =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"Lakshmi\",\"gender\":\"FEMALE\",\"yearOfBirth\":1985,"
                    + "\"district\":\"Guntur\",\"documents\":[{\"type\":\"AADHAAR\","
                    + "\"number\":\"0123\"}]}",
                "Authorization",
                Http.bearer(leader));
    assertThat(accepted.statusCode()).isEqualTo(201);
    assertThat(Json.text(accepted.body(), "$.documents[0].type")).isEqualTo("AADHAAR");
    assertThat(Json.text(accepted.body(), "$.documents[0].number")).isEqualTo("0123");
  }

  @Test
  void invalidInputIsExplainedPerField() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    var refused =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\" \",\"gender\":\"X\",\"phone\":\"12345\",\"dateOfBirth\":\"2999-01-01\"}",
                "Authorization",
                Http.bearer(leader));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.object(refused.body(), "$.errors"))
        .containsKeys("name", "gender", "phone", "dateOfBirth", "district");
  }

  @Test
  void searchFindsTheSameNameInEveryScriptAndSpelling() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String telugu = field(register(leader, "లక్ష్మి", null, null).body(), "id");
    String bengali = field(register(leader, "লক্ষ্মী", null, null).body(), "id");
    String hindi = field(register(leader, "लक्ष्मी देवी", null, null).body(), "id");
    String latin = field(register(leader, "Laxmi", "9000000001", null).body(), "id");
    String other = field(register(leader, "Lalitha", null, null).body(), "id");
    Http http = http();
    for (String query : new String[] {"Lakshmi", "laxmi", "లక్ష్మి", "লক্ষ্মী", "लक्ष्मी"}) {
      String found =
          http.get(
                  "/api/v1/members?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8),
                  "Authorization",
                  Http.bearer(leader))
              .body();
      assertThat(found).as(query).contains(telugu, bengali, hindi, latin).doesNotContain(other);
    }
    String byPhone =
        http.get("/api/v1/members?q=9000000001", "Authorization", Http.bearer(leader)).body();
    assertThat(byPhone).contains(latin).doesNotContain(telugu);
    String code = collective.shortCode().value() + "-000001";
    assertThat(http.get("/api/v1/members?q=" + code, "Authorization", Http.bearer(leader)).body())
        .contains(telugu)
        .doesNotContain(bengali);
  }

  @Test
  void aPutWithoutTheSensitiveProfileKeepsItAndOnlyAnExplicitEmptyProfileClearsItAudited() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String counsellor = token(fixtures.user(collective, Role.COUNSELLOR, Role.LEADER));
    String id = field(register(counsellor, "Sunita", null, SECRET_NOTE).body(), "id");
    Http http = http();
    String base =
        "{\"name\":\"Sunita\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,"
            + "\"district\":\"Guntur\",\"village\":\"Kothapeta\"";

    var withoutProfile =
        http.send(
            "PUT",
            "/api/v1/members/" + id,
            base + ",\"version\":0}",
            "Authorization",
            Http.bearer(counsellor));
    assertThat(withoutProfile.statusCode()).isEqualTo(200);
    assertThat(withoutProfile.body()).contains("Kothapeta").contains(SECRET_NOTE);
    assertThat(http.get("/api/v1/members/" + id, "Authorization", Http.bearer(counsellor)).body())
        .contains(SECRET_NOTE);

    var cleared =
        http.send(
            "PUT",
            "/api/v1/members/" + id,
            base + ",\"sensitive\":{},\"version\":1}",
            "Authorization",
            Http.bearer(counsellor));
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(cleared.body()).doesNotContain(SECRET_NOTE);
    assertThat(Json.object(cleared.body(), "$")).containsEntry("sensitive", null);
    assertThat(
            jdbc.sql(
                    "select summary from audit_entry where action = 'MEMBER_CHANGED'"
                        + " and entity_id = :id order by occurred_at, id")
                .param("id", id)
                .query(String.class)
                .list())
        .hasSize(2)
        .last()
        .asString()
        .contains("sensitive profile cleared");
  }

  @Test
  void theSecondOfTwoConcurrentEditsIsStaleAndNothingIsLost() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String id = field(register(leader, "Radha", null, null).body(), "id");
    Http http = http();
    var first =
        http.send(
            "PATCH",
            "/api/v1/members/" + id,
            "{\"village\":\"Ramapuram\",\"version\":0}",
            "Authorization",
            Http.bearer(leader));
    var second =
        http.send(
            "PATCH",
            "/api/v1/members/" + id,
            "{\"alias\":\"Radhamma\",\"version\":0}",
            "Authorization",
            Http.bearer(leader));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(Json.number(second.body(), "$.currentVersion")).isEqualTo(1);
    String now = http.get("/api/v1/members/" + id, "Authorization", Http.bearer(leader)).body();
    assertThat(now).contains("Ramapuram").doesNotContain("Radhamma");
  }

  @Test
  void consentIsRecordedPerPurposeWithItsHistory() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String id = field(register(leader, "Rekha", null, null).body(), "id");
    Http http = http();
    http.postJson(
        "/api/v1/members/" + id + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}",
        "Authorization",
        Http.bearer(leader));
    var withdrawn =
        http.postJson(
            "/api/v1/members/" + id + "/consents",
            "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":false}",
            "Authorization",
            Http.bearer(leader));
    assertThat(Json.object(withdrawn.body(), "$")).containsEntry("SHARE_WITH_DISTRICT", false);
    assertThat(
            jdbc.sql("select count(*) from member_consent where member_id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private String token(Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }

  private HttpResponse<String> register(String token, String name, String phone, String notes) {
    String sensitive =
        notes == null
            ? ""
            : ",\"sensitive\":{\"hivStatus\":\"positive\",\"onArt\":true,\"notes\":\""
                + notes
                + "\"}";
    return http()
        .postJson(
            "/api/v1/members",
            "{\"name\":\""
                + name
                + "\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + sensitive
                + "}",
            "Authorization",
            Http.bearer(token));
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
