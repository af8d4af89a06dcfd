package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

class LoansIntegrationTest extends IntegrationTest {

  private static final String LOAN =
      """
      {"member":"%s","lender":"MONEYLENDER","principal":"24713.75","interestPercent":"10",
       "interestPeriod":"MONTH","startedOn":"2026-03-01","collateral":"Synthetic gold chain",
       "workingToRepay":false,"documentsHeld":true,"notes":"Synthetic note: lender threatens"}
      """;

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;
  @Autowired private Vault vault;

  private Cared as(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new Cared(http(), http().token(user.username(), user.password()));
  }

  private long audited(String action, String member) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and entity_id = :m")
        .param("a", action)
        .param("m", member)
        .query(Long.class)
        .single();
  }

  /**
   * A counsellor records a loan: it is flagged (10% a month, documents held), its repayments add
   * up, every read is audited, the tables hold no plaintext; a leader sees nothing until an admin
   * grants her debts, and nothing again once it is taken back; erasing the member leaves nothing.
   */
  @Test
  void debtsAreForThoseWhoMayReadThemSealedAuditedAndErased() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared counsellor = as(collective, Role.COUNSELLOR);
    Cared registrar = as(collective, Role.LEADER);
    String[] asha = registrar.member("Asha Indebted", "Guntur");
    var made = counsellor.post("/api/v1/loans", LOAN.formatted(asha[1]), "Idempotency-Key", "l-1");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(
            counsellor
                .post("/api/v1/loans", LOAN.formatted(asha[1]), "Idempotency-Key", "l-1")
                .body())
        .isEqualTo(made.body());
    String loan = Json.text(made.body(), "$.id");
    assertThat(Json.list(made.body(), "$.flagged")).containsExactly("RATE", "DOCUMENTS_HELD");
    assertThat(Json.number(made.body(), "$.monthlyRate")).isEqualTo(10);
    String base = "/api/v1/loans/" + loan;
    assertThat(
            counsellor
                .post(base + "/repayments", "{\"amount\":\"2500\",\"paidOn\":\"2026-04-01\"}")
                .statusCode())
        .isEqualTo(200);
    var repaid = counsellor.post(base + "/repayments", "{\"amount\":\"1,000.50\"}");
    assertThat(String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(repaid.body(), "$.repaid")))
        .isEqualTo("3500.5");
    assertThat(
            Json.object(
                counsellor.post(base + "/repayments", "{\"amount\":\"-3\"}").body(), "$.errors"))
        .containsOnlyKeys("amount");
    var closed = counsellor.put(base, "{\"wayOut\":\"GRANT\",\"open\":false,\"version\":0}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(counsellor.put(base, "{\"wayOut\":\"REPAID\",\"version\":0}").statusCode())
        .isEqualTo(409);
    long reads = audited("LOAN_READ", asha[0]);
    assertThat(Json.text(counsellor.get(base).body(), "$.wayOut")).isEqualTo("GRANT");
    assertThat(counsellor.get("/api/v1/loans?member=" + asha[0]).body()).contains(loan);
    assertThat(audited("LOAN_READ", asha[0])).isEqualTo(reads + 2);

    Plaintext.absent(
        jdbc,
        new String[] {"loan", "loan_repayment", "audit_entry"},
        "24713.75",
        "Synthetic gold chain",
        "Synthetic note",
        "MONEYLENDER",
        "1000.50");

    Cared leader = as(collective, Role.LEADER);
    var leaderUser = fixtures.user(collective, Role.LEADER);
    Cared granted = new Cared(http(), http().token(leaderUser.username(), leaderUser.password()));
    for (Cared without : List.of(leader, granted)) {
      assertThat(without.get(base).statusCode()).isEqualTo(403);
      assertThat(without.get("/api/v1/loans").statusCode()).isEqualTo(403);
      assertThat(without.post("/api/v1/loans", LOAN.formatted(asha[1])).statusCode())
          .isEqualTo(403);
    }
    assertThat(http().get("/api/v1/members/" + asha[0], "Authorization", "Bearer x").body())
        .doesNotContain("Synthetic gold");
    assertThat(leader.get("/api/v1/members/" + asha[0]).body())
        .doesNotContain("Synthetic gold", "24713.75");
    assertThat(leader.get("/api/v1/members?q=Asha").body())
        .doesNotContain("Synthetic gold", "24713.75");

    Cared admin = as(collective, Role.ORG_ADMIN);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    Http adminBrowser = http();
    adminBrowser.signIn(adminUser.username(), adminUser.password());
    String usersPage = "/organisations/" + collective.id() + "/users";
    assertThat(adminBrowser.get(usersPage).body()).contains("/grants/DEBT", "/grants/INCIDENT");
    adminBrowser.postForm(
        "/users/" + leaderUser.actor().id() + "/grants/DEBT", Map.of("allowed", "true"), usersPage);
    assertThat(granted.get(base).statusCode()).isEqualTo(200);
    assertThat(leader.get(base).statusCode()).as("another leader").isEqualTo(403);
    adminBrowser.postForm(
        "/users/" + leaderUser.actor().id() + "/grants/DEBT",
        Map.of("allowed", "false"),
        usersPage);
    assertThat(granted.get(base).statusCode()).isEqualTo(403);
    assertThat(
            adminBrowser
                .postForm(
                    "/users/" + leaderUser.actor().id() + "/grants/MEMBER_WRITE",
                    Map.of("allowed", "true"),
                    usersPage)
                .statusCode())
        .as("an action that cannot be granted")
        .isIn(403, 404);

    Cared stranger = as(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.COUNSELLOR);
    assertThat(stranger.get(base).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/loans?member=" + asha[0]).statusCode()).isEqualTo(404);
    assertThat(stranger.post(base + "/repayments", "{\"amount\":\"1\"}").statusCode())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/loans").body()).doesNotContain(loan);

    byte[] sealed =
        jdbc.sql("select sealed from loan where id = :id")
            .param("id", UUID.fromString(loan))
            .query(byte[].class)
            .single();
    assertThat(admin.erase(asha[0])).isEqualTo(204);
    assertThat(vault.decrypt(UUID.fromString(asha[0]), "loan", sealed)).isEmpty();
    assertThat(counsellor.get(base).statusCode()).isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from loan_repayment where organisation_id = :org")
                .param("org", collective.id().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void mentorsSeeCountsOnlyAndTheOverviewShowsFlaggedLoansToThoseWhoMay() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared counsellor = as(collective, Role.COUNSELLOR);
    Cared registrar = as(collective, Role.LEADER);
    for (int i = 0; i < 6; i++) {
      String[] m = registrar.member("Loan Holder " + (char) ('A' + i), "Krishna");
      String terms =
          i < 5
              ? LOAN.formatted(m[1])
              : LOAN.formatted(m[1]).replace("true", "false").replace("\"10\"", "\"2\"");
      assertThat(counsellor.post("/api/v1/loans", terms).statusCode()).isEqualTo(201);
    }
    String own = counsellor.get("/api/v1/loans/counts").body();
    assertThat(Json.number(own, "$.open.value")).isEqualTo(6);
    assertThat(Json.number(own, "$.flagged.value")).isEqualTo(5);
    assertThat(Json.list(counsellor.get("/api/v1/loans").body(), "$[*].loan.exploitative"))
        .containsExactly(true, true, true, true, true, false);

    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    Cared staff = as(mentor, Role.MENTOR_STAFF);
    String counts = staff.get("/api/v1/loans/counts?organisation=" + collective.id()).body();
    assertThat(Json.number(counts, "$.open.value")).isEqualTo(6);
    assertThat(Json.number(counts, "$.flagged.value")).isEqualTo(5);
    assertThat(staff.get("/api/v1/loans").statusCode()).isIn(403, 404);

    var user = fixtures.user(collective, Role.COUNSELLOR);
    Http browser = http();
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/care").body()).contains("5 open loans flagged as exploitative");
    assertThat(browser.get("/care/loans").body()).contains("Exploitative", "Moneylender");
    var leader = fixtures.user(collective, Role.LEADER);
    Http leaderBrowser = http();
    leaderBrowser.signIn(leader.username(), leader.password());
    assertThat(leaderBrowser.get("/care").body()).doesNotContain("loans flagged");
  }
}
