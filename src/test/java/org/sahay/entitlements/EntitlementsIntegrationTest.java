package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Concurrently;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EntitlementsIntegrationTest extends IntegrationTest {

  private static final String AADHAAR = "{\"type\":\"AADHAAR\",\"number\":\"0123\"}";
  private static final String BANK = "{\"type\":\"BANK_ACCOUNT\",\"number\":\"4567\"}";
  private static final String RATION =
      "{\"type\":\"RATION_CARD\",\"status\":\"HAVE\",\"detail\":\"PHH\"}";

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;

  private Entitled as(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new Entitled(http(), http().token(user.username(), user.password()));
  }

  /**
   * Worked members against every seeded scheme: nothing on record; Aadhaar and a bank account of
   * her own and a ration card in her household; a ration card and nothing else. State schemes are
   * those of the collective's state.
   */
  @Test
  void whatIsMissingForEverySeededSchemeFollowsTheRegistry() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Nothing");
    String bina = leader.member("Bina Papers", AADHAAR, BANK);
    String chitra = leader.member("Chitra Card", RATION);
    leader.household(chitra, bina);

    assertThat(seeded(leader.missing(asha)))
        .containsOnly(
            entry("NFSA_AAY", List.of("AADHAAR")),
            entry("NFSA_PHH", List.of("AADHAAR")),
            entry("EMERGENCY_RATION", List.of()),
            entry("PMJDY", List.of("AADHAAR")),
            entry("AADHAAR", List.of()),
            entry("VOTER_ID", List.of("AADHAAR")),
            entry("PMJAY", List.of("AADHAAR", "RATION_CARD")),
            entry("COVID_VACCINATION", List.of("AADHAAR")),
            entry("AP_RICE_CARD", List.of("AADHAAR")),
            entry("AP_OLD_AGE_PENSION", List.of("AADHAAR", "RATION_CARD", "BANK_ACCOUNT")),
            entry("AP_WIDOW_PENSION", List.of("AADHAAR", "RATION_CARD", "BANK_ACCOUNT")));
    // Bina's own papers, and her household's ration card for her pension.
    Map<String, List<Object>> binas = seeded(leader.missing(bina));
    assertThat(binas.values()).allSatisfy(m -> assertThat(m).isEmpty());
    // Chitra: the household's Aadhaar serves household schemes, not her own.
    assertThat(leader.missing(chitra))
        .contains(
            entry("NFSA_AAY", List.of()),
            entry("PMJAY", List.of()),
            entry("PMJDY", List.of("AADHAAR")),
            entry("AP_OLD_AGE_PENSION", List.of("AADHAAR", "BANK_ACCOUNT")));
    String json = leader.get("/api/v1/members/" + chitra + "/entitlements").body();
    assertThat(Json.list(json, "$[?(@.scheme.code == 'NFSA_AAY')].byHousehold"))
        .containsExactly(true);
    assertThat(Json.list(json, "$[?(@.scheme.code == 'PMJDY')].byHousehold"))
        .containsExactly(false);

    Organisation bengal = organisationIn("West Bengal");
    Entitled bengali = as(bengal, Role.LEADER);
    String durga = bengali.member("Durga Nothing");
    assertThat(seeded(bengali.missing(durga)))
        .contains(
            entry("WB_KHADYA_SATHI", List.of("AADHAAR")),
            entry("WB_OLD_AGE_PENSION", List.of("AADHAAR", "BANK_ACCOUNT")),
            entry("WB_WIDOW_PENSION", List.of("AADHAAR", "BANK_ACCOUNT")))
        .doesNotContainKeys("AP_RICE_CARD", "AP_OLD_AGE_PENSION", "AP_WIDOW_PENSION")
        .hasSize(11);
  }

  @Test
  void grantingRecordsTheDocumentInTheRegistryAndEveryStepIsKept() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Banked", AADHAAR);
    String pmjdy = leader.scheme("PMJDY");
    int memberVersion =
        (int) Json.number(leader.get("/api/v1/members/" + asha).body(), "$.version");

    var applied = leader.record(asha, pmjdy, "APPLIED", null);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(Json.number(applied.body(), "$.version")).isZero();
    var granted = leader.record(asha, pmjdy, "GRANTED", 0);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    var again = leader.record(asha, pmjdy, "REJECTED", 0);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Json.number(again.body(), "$.currentVersion")).isEqualTo(1);

    String member = leader.get("/api/v1/members/" + asha).body();
    assertThat(Json.list(member, "$.documents[?(@.type == 'BANK_ACCOUNT')].status"))
        .containsExactly("HAVE");
    assertThat(Json.list(member, "$.documents[?(@.type == 'BANK_ACCOUNT')].janDhan"))
        .containsExactly(true);
    assertThat(Json.list(member, "$.documents[?(@.type == 'AADHAAR')].number"))
        .containsExactly("0123");
    assertThat(Json.number(member, "$.version")).isEqualTo(memberVersion + 1);
    var oldForm =
        leader.put(
            "/api/v1/members/" + asha,
            "{\"name\":\"Asha Banked\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,"
                + "\"district\":\"Guntur\",\"version\":"
                + memberVersion
                + "}");
    assertThat(oldForm.statusCode()).as("a form opened before the grant").isEqualTo(409);

    String history = leader.get("/api/v1/members/" + asha + "/entitlements/" + pmjdy).body();
    assertThat(Json.list(history, "$.entitlement.history[*].status"))
        .containsExactly("APPLIED", "GRANTED");
    assertThat(Json.text(history, "$.entitlement.status")).isEqualTo("GRANTED");

    // A household scheme: recorded once for the household, its card on the head's record.
    String head = leader.member("Head Of House", AADHAAR);
    String bina = leader.member("Bina Member");
    leader.household(head, bina);
    String aay = leader.scheme("NFSA_AAY");
    assertThat(leader.record(bina, aay, "GRANTED", null).statusCode()).isEqualTo(200);
    String headsRecord = leader.get("/api/v1/members/" + head).body();
    assertThat(Json.list(headsRecord, "$.documents[?(@.type == 'RATION_CARD')].detail"))
        .containsExactly("AAY");
    String headsList = leader.get("/api/v1/members/" + head + "/entitlements").body();
    assertThat(Json.list(headsList, "$[?(@.scheme.code == 'NFSA_AAY')].entitlement.status"))
        .containsExactly("GRANTED");
    assertThat(leader.missing(bina).get("PMJAY")).as("the household holds both").isEmpty();
  }

  /**
   * Sixteen leaders record the first step for one member at once, then sixteen the next step from
   * the same version, then the two members of a household race on its one ration card: each time
   * exactly one wins, the rest are told it changed (409), and the history has one step per win.
   */
  @Test
  void writersRacingOnOneStandingEachLeaveOneStep() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Raced", AADHAAR);
    String pmjdy = leader.scheme("PMJDY");

    var first = Concurrently.all(16, () -> leader.record(asha, pmjdy, "APPLIED", null));
    assertThat(first).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 409));
    assertThat(first.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
    var next = Concurrently.all(16, () -> leader.record(asha, pmjdy, "GRANTED", 0));
    assertThat(next).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 409));
    assertThat(next.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
    String history = leader.get("/api/v1/members/" + asha + "/entitlements/" + pmjdy).body();
    assertThat(Json.list(history, "$.entitlement.history[*].status"))
        .containsExactly("APPLIED", "GRANTED");
    assertThat(
            Json.list(
                leader.get("/api/v1/members/" + asha).body(),
                "$.documents[?(@.type == 'BANK_ACCOUNT')].status"))
        .containsExactly("HAVE");

    String head = leader.member("Head Raced", AADHAAR);
    String sister = leader.member("Sister Raced");
    leader.household(head, sister);
    String aay = leader.scheme("NFSA_AAY");
    java.util.concurrent.atomic.AtomicInteger turn =
        new java.util.concurrent.atomic.AtomicInteger();
    var household =
        Concurrently.all(
            12,
            () ->
                leader.record(
                    turn.getAndIncrement() % 2 == 0 ? head : sister, aay, "APPLIED", null));
    assertThat(household).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 409));
    assertThat(household.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
    String card = leader.get("/api/v1/members/" + sister + "/entitlements/" + aay).body();
    assertThat(Json.list(card, "$.entitlement.history[*].status")).containsExactly("APPLIED");
  }

  @Test
  void wrongStepsAreExplainedPerFieldAndNothingIsSaved() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Wrong");
    var refused =
        leader.post(
            "/api/v1/members/" + asha + "/entitlements",
            "{\"scheme\":\"not-an-id\",\"status\":\"MAYBE\",\"on\":\"2999-01-01\"}",
            "Accept-Language",
            "te");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.object(refused.body(), "$.errors")).containsOnlyKeys("scheme", "status", "on");
    assertThat(Json.text(refused.body(), "$.errors.on")).containsPattern("[\\u0C00-\\u0C7F]");
    var future =
        leader.post(
            "/api/v1/members/" + asha + "/entitlements",
            "{\"scheme\":\"%s\",\"status\":\"APPLIED\",\"on\":\"2999-01-01\"}"
                .formatted(leader.scheme("VOTER_ID")));
    assertThat(Json.object(future.body(), "$.errors")).containsOnlyKeys("on");
    assertThat(
            jdbc.sql("select count(*) from entitlement where member_id = :m")
                .param("m", UUID.fromString(asha))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anotherCollectiveAndOtherRolesCannotReadOrRecord() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Private");
    String voter = leader.scheme("VOTER_ID");
    Entitled stranger = as(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    assertThat(stranger.get("/api/v1/members/" + asha + "/entitlements").statusCode())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/members/" + asha + "/entitlements/" + voter).statusCode())
        .isEqualTo(404);
    assertThat(stranger.record(asha, voter, "APPLIED", null).statusCode()).isEqualTo(404);
    Entitled funder = as(fixtures.organisation(OrganisationKind.FUNDER), Role.FUNDER_VIEWER);
    assertThat(funder.get("/api/v1/members/" + asha + "/entitlements").statusCode()).isEqualTo(403);
    Entitled counsellor = as(collective, Role.COUNSELLOR);
    assertThat(counsellor.get("/api/v1/members/" + asha + "/entitlements").statusCode())
        .isEqualTo(200);
    assertThat(counsellor.record(asha, voter, "APPLIED", null).statusCode()).isEqualTo(403);
  }

  @Test
  void aCollectiveAddsItsOwnSchemesOnceAndOnlyItSeesThem() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled admin = as(collective, Role.ORG_ADMIN);
    String scheme =
        """
        {"code":"guntur_widow_support","nameEn":"Guntur widow support","nameTe":"గుంటూరు వితంతు సహాయం",
         "level":"STATE","state":"Andhra Pradesh","documents":["AADHAAR","BANK_ACCOUNT"],
         "gives":"A one-time grant"}
        """;
    var first = admin.post("/api/v1/schemes", scheme, "Idempotency-Key", "local-scheme-1");
    var replay = admin.post("/api/v1/schemes", scheme, "Idempotency-Key", "local-scheme-1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    String id = Json.text(first.body(), "$.id");
    assertThat(Json.text(replay.body(), "$.id")).isEqualTo(id);
    assertThat(Json.text(first.body(), "$.code")).isEqualTo("GUNTUR_WIDOW_SUPPORT");
    var taken = admin.post("/api/v1/schemes", scheme);
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(Json.object(taken.body(), "$.errors")).containsOnlyKeys("code");

    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Local");
    assertThat(leader.missing(asha))
        .containsEntry("GUNTUR_WIDOW_SUPPORT", List.of("AADHAAR", "BANK_ACCOUNT"));

    Entitled stranger = as(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    assertThat(stranger.get("/api/v1/schemes").body()).doesNotContain("GUNTUR_WIDOW_SUPPORT");
    assertThat(stranger.get("/api/v1/schemes/" + id).statusCode()).isEqualTo(404);
    assertThat(stranger.put("/api/v1/schemes/" + id, scheme).statusCode()).isEqualTo(404);

    String voter = admin.scheme("VOTER_ID");
    var shared =
        admin.put(
            "/api/v1/schemes/" + voter,
            "{\"nameEn\":\"Mine now\",\"level\":\"CENTRAL\",\"version\":0}");
    assertThat(shared.statusCode()).as("the shared list is kept by system admins").isEqualTo(403);
    var refused = admin.post("/api/v1/schemes", "{\"code\":\"1x\",\"level\":\"STATE\"}");
    assertThat(Json.object(refused.body(), "$.errors")).containsOnlyKeys("code", "nameEn", "state");

    var system = fixtures.systemAdmin();
    Entitled keeper = new Entitled(http(), http().token(system.username(), system.password()));
    var added =
        keeper.post(
            "/api/v1/schemes",
            "{\"code\":\"TEST_SHARED_%s\",\"nameEn\":\"Shared test scheme\",\"level\":\"CENTRAL\"}"
                .formatted(Math.abs(System.nanoTime() % 100000)));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(stranger.get("/api/v1/schemes").body()).contains("Shared test scheme");
  }

  @Test
  void anErasedMembersStepsAreForgotten() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Entitled leader = as(collective, Role.LEADER);
    String asha = leader.member("Asha Erased");
    assertThat(leader.record(asha, leader.scheme("AADHAAR"), "APPLIED", null).statusCode())
        .isEqualTo(200);
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    assertThat(new Entitled(http(), http().token(admin.username(), admin.password())).erase(asha))
        .isEqualTo(204);
    assertThat(
            jdbc.sql(
                    "select count(*) from entitlement_event where entitlement_id in"
                        + " (select id from entitlement where member_id = :m)")
                .param("m", UUID.fromString(asha))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from entitlement where member_id = :m")
                .param("m", UUID.fromString(asha))
                .query(Long.class)
                .single())
        .isZero();
  }

  /** The seeded shared schemes only: other tests add shared schemes of their own. */
  private static Map<String, List<Object>> seeded(Map<String, List<Object>> missing) {
    Map<String, List<Object>> seeded = new java.util.LinkedHashMap<>(missing);
    seeded.keySet().retainAll(SEEDED);
    return seeded;
  }

  private static final java.util.Set<String> SEEDED =
      java.util.Set.of(
          "NFSA_AAY",
          "NFSA_PHH",
          "AP_RICE_CARD",
          "WB_KHADYA_SATHI",
          "EMERGENCY_RATION",
          "PMJDY",
          "AADHAAR",
          "VOTER_ID",
          "AP_OLD_AGE_PENSION",
          "AP_WIDOW_PENSION",
          "WB_OLD_AGE_PENSION",
          "WB_WIDOW_PENSION",
          "PMJAY",
          "COVID_VACCINATION");

  private Organisation organisationIn(String state) {
    var outcome =
        organisations.create(
            fixtures.systemAdmin().actor(),
            new NewOrganisation(
                "Test collective " + org.sahay.Fixtures.shortCode(),
                "COLLECTIVE",
                state,
                "Nadia",
                org.sahay.Fixtures.shortCode(),
                "bn",
                "Asia/Kolkata"));
    return ((Organisations.Creation.Created) outcome).organisation();
  }
}
