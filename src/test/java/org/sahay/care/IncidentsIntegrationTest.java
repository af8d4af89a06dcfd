package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Plaintext;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IncidentsIntegrationTest extends IntegrationTest {

  private static final String INCIDENT =
      """
      {"member":"%s","occurredOn":"2026-05-02","kind":"%s","perpetrator":"HOUSE_OWNER",
       "place":"Synthetic lane 4","reportedToPolice":true,"referrals":["LEGAL_AID","SHELTER"],
       "notes":"Synthetic account of the night"}
      """;

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;
  @Autowired private Vault vault;

  private Cared client(Fixtures.TestUser user) {
    return new Cared(http(), http().token(user.username(), user.password()));
  }

  /** An admin of the collective grants (or takes back) incidents to one user, on the users page. */
  private void grant(Organisation collective, Fixtures.TestUser user, boolean allowed) {
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    Http browser = http();
    browser.signIn(admin.username(), admin.password());
    String page = "/organisations/" + collective.id() + "/users";
    browser.postForm(
        "/users/" + user.actor().id() + "/grants/INCIDENT",
        Map.of("allowed", String.valueOf(allowed)),
        page);
  }

  /**
   * No role reads incidents, not even an admin: only a user an admin granted them. Her reads are
   * audited, the tables hold no plaintext, follow-ups and closing work, another collective gets
   * 404, and erasing the member leaves nothing readable.
   */
  @Test
  void onlyGrantedUsersSeeIncidentsEveryReadIsAuditedAndErasureLeavesNothing() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    Cared admin = client(adminUser);
    String[] asha = client(fixtures.user(collective, Role.LEADER)).member("Asha Safe", "Guntur");
    var counsellorUser = fixtures.user(collective, Role.COUNSELLOR);
    Cared counsellor = client(counsellorUser);
    for (Cared without : new Cared[] {admin, counsellor}) {
      assertThat(
              without
                  .post("/api/v1/incidents", INCIDENT.formatted(asha[1], "VIOLENCE"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(without.get("/api/v1/incidents").statusCode()).isEqualTo(403);
    }

    grant(collective, counsellorUser, true);
    var made =
        counsellor.post(
            "/api/v1/incidents",
            INCIDENT.formatted(asha[1], "VIOLENCE"),
            "Idempotency-Key",
            "incident-1");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = Json.text(made.body(), "$.id");
    String base = "/api/v1/incidents/" + id;
    assertThat(Json.list(made.body(), "$.referrals")).containsExactly("LEGAL_AID", "SHELTER");
    var wrong =
        counsellor.post(
            "/api/v1/incidents",
            "{\"member\":\"%s\",\"kind\":\"GOSSIP\",\"perpetrator\":\"NEIGHBOUR\",\"occurredOn\":\"2999-01-01\"}"
                .formatted(asha[1]));
    assertThat(Json.object(wrong.body(), "$.errors"))
        .containsOnlyKeys("kind", "perpetrator", "occurredOn");

    var followed =
        counsellor.post(
            base + "/follow-ups",
            "{\"note\":\"Synthetic visit with the lawyer\",\"nextOn\":\"2026-12-20\"}");
    assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
    assertThat(counsellor.post(base + "/follow-ups", "{\"close\":true,\"version\":5}").statusCode())
        .isEqualTo(409);
    var closed = counsellor.post(base + "/follow-ups", "{\"close\":true,\"version\":0}");
    assertThat(Json.flag(closed.body(), "$.open")).isFalse();
    assertThat(Json.list(closed.body(), "$.followUps")).hasSize(2);

    long before = audited(asha[0]);
    counsellor.get(base);
    counsellor.get("/api/v1/incidents?member=" + asha[0]);
    assertThat(audited(asha[0])).isEqualTo(before + 2);

    Plaintext.absent(
        jdbc,
        new String[] {"incident", "incident_follow_up", "audit_entry"},
        "Synthetic lane",
        "Synthetic account",
        "Synthetic visit",
        "VIOLENCE",
        "HOUSE_OWNER");
    assertThat(admin.get("/api/v1/members/" + asha[0]).body()).doesNotContain("Synthetic");
    var export =
        admin.getBytes("/api/v1/exports/members?format=csv&sensitive=true&reason=Synthetic+audit");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(new String(export.body(), StandardCharsets.UTF_8))
        .contains(asha[1])
        .doesNotContain("Synthetic lane", "Synthetic account", "VIOLENCE");

    var otherCollective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var stranger = fixtures.user(otherCollective, Role.COUNSELLOR);
    grant(otherCollective, stranger, true);
    assertThat(client(stranger).get(base).statusCode()).isEqualTo(404);
    assertThat(client(stranger).get("/api/v1/incidents?member=" + asha[0]).statusCode())
        .isEqualTo(404);

    grant(collective, counsellorUser, false);
    assertThat(counsellor.get(base).statusCode()).isEqualTo(403);
    grant(collective, counsellorUser, true);

    byte[] sealed =
        jdbc.sql("select sealed from incident where id = :id")
            .param("id", UUID.fromString(id))
            .query(byte[].class)
            .single();
    assertThat(admin.erase(asha[0])).isEqualTo(204);
    assertThat(vault.decrypt(UUID.fromString(asha[0]), "incident", sealed)).isEmpty();
    assertThat(counsellor.get(base).statusCode()).isEqualTo(404);
  }

  private long audited(String member) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'INCIDENT_READ' and entity_id = :m")
        .param("m", member)
        .query(Long.class)
        .single();
  }

  /**
   * Five incidents of violence and one eviction: the one is suppressed and, because the total of
   * six is shown, the five is withheld too, for the collective and its mentor alike; the overview
   * shows open incidents only to a granted user.
   */
  @Test
  void countsSuppressSmallCellsForEveryoneAndTheOverviewIsForGrantedUsers() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.COUNSELLOR);
    grant(collective, user, true);
    Cared counsellor = client(user);
    Cared leader = client(fixtures.user(collective, Role.LEADER));
    for (int i = 0; i < 6; i++) {
      String[] m = leader.member("Incident Member " + (char) ('A' + i), "Krishna");
      assertThat(
              counsellor
                  .post(
                      "/api/v1/incidents",
                      INCIDENT.formatted(m[1], i < 5 ? "VIOLENCE" : "EVICTION"))
                  .statusCode())
          .isEqualTo(201);
    }
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    Cared staff = client(fixtures.user(mentor, Role.MENTOR_STAFF));
    for (String counts :
        new String[] {
          leader.get("/api/v1/incidents/counts").body(),
          staff.get("/api/v1/incidents/counts?organisation=" + collective.id()).body()
        }) {
      assertThat(Json.flag(counts, "$.byKind.VIOLENCE.withheld")).isTrue();
      assertThat(Json.object(counts, "$.byKind.VIOLENCE")).containsEntry("value", null);
      assertThat(Json.flag(counts, "$.byKind.EVICTION.fewerThanFive")).isTrue();
      assertThat(Json.number(counts, "$.total.value")).isEqualTo(6);
    }
    assertThat(staff.get("/api/v1/incidents").statusCode()).isIn(403, 404);

    Http browser = http();
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/care").body()).contains("6 open incidents.");
    assertThat(browser.get("/care/incidents").body()).contains("Violence", "Eviction");
    var leaderUser = fixtures.user(collective, Role.ORG_ADMIN);
    Http adminBrowser = http();
    adminBrowser.signIn(leaderUser.username(), leaderUser.password());
    assertThat(adminBrowser.get("/care").body()).doesNotContain("open incidents");
    assertThat(adminBrowser.get("/care/incidents").statusCode()).isEqualTo(403);
  }
}
