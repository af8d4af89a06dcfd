package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HouseholdApiIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void aLeaderCreatesAHouseholdWithMembersAndDependents() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String lakshmi = member(leader, "Lakshmi");
    String durga = member(leader, "Durga");

    var created =
        create(
            leader,
            """
            {"housing":"RENTED","monthlyRent":"2,500.50","electricityArrearsPaise":12500000,
             "incomeSources":["DAILY_WAGE","domestic_work"],"village":"Kothapeta",
             "district":"Guntur","headMemberId":"%s","memberIds":["%s"],
             "dependents":[{"kind":"CHILD","name":"Chinni","age":9,"inSchool":true},
                           {"kind":"ELDERLY","age":72,"notes":"needs BP tablets"},
                           {"kind":"DISABLED","name":"Ravi","age":30}]}
            """
                .formatted(lakshmi, durga));

    assertThat(created.statusCode()).isEqualTo(201);
    String id = field(created.body(), "id");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/households/" + id);
    var read = http().get("/api/v1/households/" + id, "Authorization", Http.bearer(leader));
    assertThat(read.statusCode()).isEqualTo(200);
    String json = read.body();
    assertThat(Json.text(json, "$.housing")).isEqualTo("RENTED");
    assertThat(Json.number(json, "$.monthlyRentPaise")).isEqualTo(250050);
    assertThat(Json.text(json, "$.monthlyRent")).isEqualTo("2500.50");
    assertThat(Json.number(json, "$.electricityArrearsPaise")).isEqualTo(12500000);
    assertThat(Json.text(json, "$.electricityArrears")).isEqualTo("125000.00");
    assertThat(Json.list(json, "$.incomeSources")).containsExactly("DAILY_WAGE", "DOMESTIC_WORK");
    assertThat(Json.text(json, "$.headMemberId")).isEqualTo(lakshmi);
    assertThat(Json.list(json, "$.members[*].id")).containsExactlyInAnyOrder(lakshmi, durga);
    assertThat(Json.list(json, "$.dependents[*].name")).containsExactly("Chinni", null, "Ravi");
    assertThat(Json.text(json, "$.dependents[1].notes")).isEqualTo("needs BP tablets");
    assertThat(Json.flag(json, "$.dependents[0].inSchool")).isTrue();
    assertThat(Json.number(json, "$.version")).isZero();
  }

  @Test
  void anotherCollectiveCanNeitherReadNorChangeTheHousehold() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(ours);
    String id = field(create(leader, household(member(leader, "Parvati"))).body(), "id");
    String stranger =
        http()
            .token(
                fixtures
                    .user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN)
                    .username(),
                org.sahay.Fixtures.PASSWORD);
    Http http = http();

    var read = http.get("/api/v1/households/" + id, "Authorization", Http.bearer(stranger));
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.body()).doesNotContain("Parvati");
    var patch =
        http.send(
            "PATCH",
            "/api/v1/households/" + id,
            "{\"housing\":\"NO_HOME\",\"version\":0}",
            "Authorization",
            Http.bearer(stranger));
    assertThat(patch.statusCode()).isEqualTo(404);
    var admin = fixtures.systemAdmin();
    String system = http.token(admin.username(), admin.password());
    assertThat(
            http.get("/api/v1/households/" + id, "Authorization", Http.bearer(system)).statusCode())
        .isEqualTo(404);
    assertThat(
            Json.text(
                http.get("/api/v1/households/" + id, "Authorization", Http.bearer(leader)).body(),
                "$.housing"))
        .isEqualTo("RENTED");
  }

  @Test
  void aMemberOfAnotherCollectiveIsRefusedAsAnUnknownMember() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var theirs = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(ours);
    String theirLeader = leaderToken(theirs);
    String mine = member(leader, "Rekha");
    String theirMember = member(theirLeader, "Sunita");
    String theirHoused = member(theirLeader, "Meena");
    assertThat(create(theirLeader, household(theirHoused)).statusCode()).isEqualTo(201);

    for (String other : new String[] {theirMember, theirHoused}) {
      var refused =
          create(
              leader, "{\"housing\":\"OWN\",\"memberIds\":[\"" + mine + "\",\"" + other + "\"]}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(Json.text(refused.body(), "$.errors.memberIds"))
          .isEqualTo("No such member in your collective.");
      assertThat(refused.body())
          .doesNotContain("Sunita", "Meena", "another household", theirs.shortCode().value());
    }
    var byCode =
        create(
            leader,
            "{\"housing\":\"OWN\",\"memberIds\":[\""
                + mine
                + "\"],\"memberCodes\":[\""
                + theirs.shortCode().value()
                + "-000001\"]}");
    assertThat(byCode.statusCode()).isEqualTo(400);
    assertThat(Json.text(byCode.body(), "$.errors.memberCodes"))
        .isEqualTo("No such member in your collective.");
    var asHead = create(leader, "{\"housing\":\"OWN\",\"headMemberId\":\"" + theirMember + "\"}");
    assertThat(asHead.statusCode()).isEqualTo(400);
    assertThat(Json.object(asHead.body(), "$.errors")).containsKey("headMemberId");
    assertThat(
            jdbc.sql("select count(*) from household where organisation_id = :org")
                .param("org", ours.id().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aMemberCannotBeInTwoHouseholds() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String radha = member(leader, "Radha");
    String padma = member(leader, "Padma");
    assertThat(create(leader, household(radha)).statusCode()).isEqualTo(201);

    var second = create(leader, household(radha));
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(Json.text(second.body(), "$.errors.memberIds"))
        .startsWith("This member already belongs");

    String other = field(create(leader, household(padma)).body(), "id");
    var moved =
        http()
            .send(
                "PATCH",
                "/api/v1/households/" + other,
                "{\"memberIds\":[\"" + padma + "\",\"" + radha + "\"],\"version\":0}",
                "Authorization",
                Http.bearer(leader));
    assertThat(moved.statusCode()).isEqualTo(400);
    assertThat(moved.body()).contains("already belongs");
  }

  @Test
  void concurrentHouseholdsForTheSameMemberLeaveHerInExactlyOne() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String kamala = member(leader, "Kamala");
    var pool = Executors.newFixedThreadPool(6);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      futures.add(pool.submit(() -> create(leader, household(kamala))));
    }
    int created = 0;
    for (var f : futures) {
      var response = f.get();
      assertThat(response.statusCode()).isIn(201, 400);
      created += response.statusCode() == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from household where organisation_id = :org")
                .param("org", collective.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSecondOfTwoEditsFromTheSameVersionIsStaleAndNothingIsLost() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String id = field(create(leader, household(member(leader, "Savitri"))).body(), "id");
    Http http = http();
    var first =
        http.send(
            "PATCH",
            "/api/v1/households/" + id,
            "{\"housing\":\"EVICTION_THREAT\",\"electricityArrears\":\"4,200\",\"version\":0}",
            "Authorization",
            Http.bearer(leader));
    var second =
        http.send(
            "PATCH",
            "/api/v1/households/" + id,
            "{\"village\":\"Old page\",\"version\":0}",
            "Authorization",
            Http.bearer(leader));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(Json.number(first.body(), "$.version")).isEqualTo(1);
    assertThat(Json.number(first.body(), "$.electricityArrearsPaise")).isEqualTo(420000);
    assertThat(Json.number(first.body(), "$.monthlyRentPaise")).isEqualTo(250000);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(Json.number(second.body(), "$.currentVersion")).isEqualTo(1);
    String now = http.get("/api/v1/households/" + id, "Authorization", Http.bearer(leader)).body();
    assertThat(now).contains("EVICTION_THREAT").doesNotContain("Old page");
    var missingVersion =
        http.send(
            "PATCH",
            "/api/v1/households/" + id,
            "{\"village\":\"No version\"}",
            "Authorization",
            Http.bearer(leader));
    assertThat(missingVersion.statusCode()).isEqualTo(400);
    assertThat(Json.object(missingVersion.body(), "$.errors")).containsKey("version");
  }

  @Test
  void wrongAmountsAndDependentsAreExplainedPerField() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String asha = member(leader, "Asha");
    var refused =
        create(
            leader,
            """
            {"housing":"PALACE","monthlyRent":"lots","electricityArrearsPaise":-5,
             "incomeSources":["NONE","PENSION"],"memberIds":["%s"],
             "dependents":[{"kind":"CHILD","age":9},{"kind":"COUSIN","age":200}]}
            """
                .formatted(asha));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.object(refused.body(), "$.errors"))
        .containsOnlyKeys(
            "housing",
            "monthlyRent",
            "electricityArrears",
            "incomeSources",
            "dependents[1].kind",
            "dependents[1].age");
    var both =
        create(
            leader,
            "{\"housing\":\"RENTED\",\"monthlyRentPaise\":100,\"monthlyRent\":\"1\","
                + "\"memberIds\":[\""
                + asha
                + "\"]}");
    assertThat(Json.text(both.body(), "$.errors.monthlyRent")).startsWith("Send the amount once");
    var nobody = create(leader, "{\"housing\":\"OWN\"}");
    assertThat(Json.text(nobody.body(), "$.errors.memberIds"))
        .startsWith("A household needs at least one member");
  }

  @Test
  void theAuditLogRecordsChangesWithoutPersonalValues() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    String id =
        field(
            create(
                    leader,
                    """
                    {"housing":"RENTED","monthlyRent":"3100","village":"Secretpur",
                     "memberIds":["%s"],"dependents":[{"kind":"CHILD","name":"Bittu","age":4}]}
                    """
                        .formatted(member(leader, "Geeta")))
                .body(),
            "id");
    var summaries =
        jdbc.sql(
                "select action || ' ' || summary from audit_entry"
                    + " where entity_type = 'household' and entity_id = :id")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(summaries).containsExactly("HOUSEHOLD_CREATED members: 1, dependents: 1");
  }

  /**
   * Households can be searched and erased through the API, as members can (issue 12 item 13):
   * search is posted and by code only; erasure is for organisation admins, keeps the members and
   * leaves nothing of the household to read.
   */
  @Test
  void householdsAreSearchedAndErasedThroughTheApiWithinTheCollective() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = leaderToken(collective);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    String admin = http().token(adminUser.username(), adminUser.password());
    String outsider =
        http().token(fixtures.user(other, Role.ORG_ADMIN).username(), Fixtures.PASSWORD);
    String member = member(leader, "Synthetic Searchable");
    var created = create(leader, household(member));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = field(created.body(), "id");
    Http http = http();

    var found =
        http.postJson(
            "/api/v1/households/search",
            "{\"q\":\"Synthetic Searchable\"}",
            "Authorization",
            Http.bearer(leader));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains(id, collective.shortCode().value() + "-", "\"members\":1")
        .doesNotContain("Synthetic Searchable");
    assertThat(
            http.postJson(
                    "/api/v1/households/search",
                    "{\"q\":\"Synthetic Searchable\"}",
                    "Authorization",
                    Http.bearer(outsider))
                .body())
        .isEqualTo("[]");

    String path = "/api/v1/households/" + id;
    assertThat(
            http.send(
                    "DELETE",
                    path + "?reason=DUPLICATE_RECORD",
                    null,
                    "Authorization",
                    Http.bearer(leader))
                .statusCode())
        .as("only organisation admins erase")
        .isEqualTo(403);
    assertThat(
            http.send(
                    "DELETE",
                    path + "?reason=DUPLICATE_RECORD",
                    null,
                    "Authorization",
                    Http.bearer(outsider))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.send(
                    "DELETE", path + "?reason=nonsense", null, "Authorization", Http.bearer(admin))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.send(
                    "DELETE",
                    path + "?reason=DUPLICATE_RECORD",
                    null,
                    "Authorization",
                    Http.bearer(admin))
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get(path, "Authorization", Http.bearer(admin)).statusCode()).isEqualTo(404);
    assertThat(
            http.get("/api/v1/members/" + member, "Authorization", Http.bearer(admin)).statusCode())
        .as("her household erased, she stays a member")
        .isEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from household_dependent where household_id = :h")
                .param("h", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id = :h")
                .param("h", java.util.UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
  }

  private String leaderToken(Organisation collective) {
    var user = fixtures.user(collective, Role.LEADER);
    return http().token(user.username(), user.password());
  }

  private String member(String token, String name) {
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\""
                    + name
                    + "\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\"}",
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private static String household(String memberId) {
    return "{\"housing\":\"RENTED\",\"monthlyRentPaise\":250000,\"memberIds\":[\""
        + memberId
        + "\"]}";
  }

  private HttpResponse<String> create(String token, String json) {
    return http().postJson("/api/v1/households", json, "Authorization", Http.bearer(token));
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
