package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DistributionApiIntegrationTest extends IntegrationTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(20);

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  @Test
  void aRoundForOpenFoodNeedsAdmitsOnlyHouseholdsWithOneInTheNeedsRegister() {
    Relief relief = leaderOfNewCollective();
    String rice = relief.item("Rice", "KG");
    String office = relief.location("Office");
    assertThat(relief.receive(office, rice, "100", "2026-12-31").statusCode()).isEqualTo(201);
    String round =
        relief.round(office, rice, "5", "HOUSEHOLDS_WITH_OPEN_FOOD_NEED", "ONCE_PER_HOUSEHOLD");
    String fed = relief.member("Kamala");
    String hungry = relief.member("Radha");
    String household = relief.household(hungry);
    assertThat(
            relief
                .post(
                    "/api/v1/needs",
                    "{\"householdId\":\"%s\",\"category\":\"food\"}".formatted(household))
                .statusCode())
        .isEqualTo(201);
    assertThat(relief.give(round, "{\"memberId\":\"%s\"}".formatted(fed)).statusCode())
        .isEqualTo(422);
    assertThat(relief.give(round, "{\"memberId\":\"%s\"}".formatted(hungry)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void aFoodHandOverMeetsTheHouseholdsOpenFoodNeedsAndItsReversalOpensThemAgain() {
    Relief relief = leaderOfNewCollective();
    String rice = relief.item("Rice", "KG");
    String office = relief.location("Office");
    assertThat(relief.receive(office, rice, "100", "2026-12-31").statusCode()).isEqualTo(201);
    String round = relief.round(office, rice, "5", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
    assertThat(
            Json.flag(
                relief.get("/api/v1/distribution-rounds/" + round).body(), "$.meetsFoodNeeds"))
        .isTrue();
    String sunita = relief.member("Sunita");
    String padma = relief.member("Padma");
    String household = relief.household(sunita, padma);
    String other = relief.member("Anjali");
    String ofHousehold = need(relief, "householdId", household, "food");
    String ofPadma = need(relief, "memberId", padma, "food");
    String rentOfPadma = need(relief, "memberId", padma, "rent");
    String ofOther = need(relief, "memberId", other, "food");
    var taken =
        relief.post(
            "/api/v1/needs/" + ofHousehold + "/status",
            "{\"status\":\"BEING_MET\",\"followUpBy\":\"leader one\",\"version\":0}");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);

    var given = relief.give(round, "{\"memberId\":\"%s\"}".formatted(sunita));
    assertThat(given.statusCode()).isEqualTo(201);
    assertThat(status(ofHousehold)).isEqualTo("MET");
    assertThat(status(ofPadma)).isEqualTo("MET");
    assertThat(status(rentOfPadma)).isEqualTo("OPEN");
    assertThat(status(ofOther)).isEqualTo("OPEN");
    assertThat(relief.get("/api/v1/needs/" + ofPadma).body()).contains("MET");

    assertThat(
            relief
                .post(
                    "/api/v1/distributions/" + Relief.field(given.body(), "id") + "/reversal",
                    "{\"reason\":\"WRONG_PERSON\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(status(ofHousehold)).as("back to where it was").isEqualTo("BEING_MET");
    assertThat(status(ofPadma)).isEqualTo("OPEN");

    String noFood =
        Relief.created(
            relief.post(
                "/api/v1/distribution-rounds",
                """
                {"name":"Rice, needs untouched","startsOn":"2026-05-01","endsOn":"2026-05-31",
                 "locationId":"%s","lines":[{"item":"%s","quantity":1}],
                 "eligibility":"ALL_MEMBERS","rule":"UNLIMITED","meetsFoodNeeds":false}
                """
                    .formatted(office, rice)));
    assertThat(relief.give(noFood, "{\"memberId\":\"%s\"}".formatted(other)).statusCode())
        .isEqualTo(201);
    assertThat(status(ofOther)).isEqualTo("OPEN");
  }

  @Test
  void aListRoundRefusesAnotherCollectivesPeopleAndRandomIdsLikeUnknownOnes() {
    Relief ours = leaderOfNewCollective();
    Relief theirs = leaderOfNewCollective();
    String rice = ours.item("Rice", "KG");
    String office = ours.location("Office");
    String mine = ours.member("Kamala");
    String stranger = theirs.member("Radha");
    String strangersHome = theirs.household(stranger);
    String random = java.util.UUID.randomUUID().toString();
    String round =
        """
        {"name":"Listed round","startsOn":"2026-05-01","endsOn":"2026-05-31",
         "locationId":"%s","lines":[{"item":"%s","quantity":1}],
         "eligibility":"LIST","rule":"UNLIMITED","%s":["%s"]}
        """;
    for (String[] listed :
        new String[][] {
          {"memberIds", stranger},
          {"memberIds", random},
          {"householdIds", strangersHome},
          {"householdIds", random},
          {"recipientIds", random}
        }) {
      var refused =
          ours.post(
              "/api/v1/distribution-rounds", round.formatted(office, rice, listed[0], listed[1]));
      assertThat(refused.statusCode()).as(listed[0] + " " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(listed[0]);
    }
    var kept =
        ours.post("/api/v1/distribution-rounds", round.formatted(office, rice, "memberIds", mine));
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
  }

  @Test
  void aPurchasedReceiptNamesOnlyAnExpenseOfItsOwnCollective() {
    var ourCollective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(ourCollective, Role.ORG_ADMIN);
    Relief ours = new Relief(http(), http().token(admin.username(), admin.password()));
    String rice = ours.item("Rice", "KG");
    String office = ours.location("Office");
    var theirAdmin =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    org.sahay.funds.FundsClient theirs =
        new org.sahay.funds.FundsClient(
            http(), http().token(theirAdmin.username(), theirAdmin.password()));
    String campaign = theirs.campaign("rice", false);
    theirs.donate(campaign, 100_000, "2025-05-10");
    String theirExpense =
        org.sahay.funds.FundsClient.field(
            theirs.expense(theirs.fundOf(campaign), 50_000).body(), "id");
    String receipt =
        """
        {"locationId":"%s","itemId":"%s","quantity":10,"source":"PURCHASE","expenseId":"%s"}
        """;
    for (String expense : java.util.List.of(theirExpense, java.util.UUID.randomUUID().toString())) {
      var refused = ours.post("/api/v1/stock-receipts", receipt.formatted(office, rice, expense));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("expenseId");
    }
    org.sahay.funds.FundsClient ourFunds =
        new org.sahay.funds.FundsClient(http(), http().token(admin.username(), admin.password()));
    String ourCampaign = ourFunds.campaign("rice", false);
    ourFunds.donate(ourCampaign, 100_000, "2025-05-10");
    String ourExpense =
        org.sahay.funds.FundsClient.field(
            ourFunds.expense(ourFunds.fundOf(ourCampaign), 50_000).body(), "id");
    assertThat(
            ours.post("/api/v1/stock-receipts", receipt.formatted(office, rice, ourExpense))
                .statusCode())
        .isEqualTo(201);
  }

  private Relief leaderOfNewCollective() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    return new Relief(http(), http().token(leader.username(), leader.password()));
  }

  private static String need(Relief relief, String whose, String id, String category) {
    return Relief.created(
        relief.post(
            "/api/v1/needs", "{\"%s\":\"%s\",\"category\":\"%s\"}".formatted(whose, id, category)));
  }

  private String status(String need) {
    return jdbc.sql("select status from need where id = cast(:id as uuid)")
        .param("id", need)
        .query(String.class)
        .single();
  }

  @Test
  void aHouseholdReceivesOncePerRoundAndTheRefusalNamesTheEarlierDistribution() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String rice = relief.item("Rice", "KG");
    String office = relief.location("Office");
    assertThat(relief.receive(office, rice, "100", "2026-12-31").statusCode()).isEqualTo(201);
    String round = relief.round(office, rice, "5", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
    String lakshmi = relief.member("Lakshmi");
    String durga = relief.member("Durga");
    relief.household(lakshmi, durga);

    var first = relief.give(round, "{\"memberId\":\"%s\"}".formatted(lakshmi));
    assertThat(first.statusCode()).isEqualTo(201);
    String firstId = Relief.field(first.body(), "id");
    assertThat(Json.number(first.body(), "$.people")).isEqualTo(3);

    var again = relief.give(round, "{\"memberId\":\"%s\"}".formatted(durga));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Json.text(again.body(), "$.earlierDistributionId")).isEqualTo(firstId);
    assertThat(Json.text(again.body(), "$.recordedBy")).isEqualTo(leader.username());
    assertThat(again.body())
        .contains("Already received in this round")
        .doesNotContain("Lakshmi")
        .doesNotContain("Durga");

    var reversed =
        relief.post(
            "/api/v1/distributions/" + firstId + "/reversal", "{\"reason\":\"WRONG_PERSON\"}");
    assertThat(reversed.statusCode()).isEqualTo(200);
    assertThat(relief.give(round, "{\"memberId\":\"%s\"}".formatted(durga)).statusCode())
        .isEqualTo(201);
    String stock = relief.get("/api/v1/stock?locationId=" + office).body();
    assertThat(Json.list(stock, "$[*].onHand")).containsExactly(95);
    var summary = relief.get("/api/v1/distribution-rounds/" + round + "/summary").body();
    assertThat(Json.number(summary, "$.distributions")).isEqualTo(1);
    assertThat(Json.number(summary, "$.households")).isEqualTo(1);
    assertThat(Json.number(summary, "$.people")).isEqualTo(3);
    assertThat(Json.number(summary, "$.reversed")).isEqualTo(1);
    assertThat(Json.list(summary, "$.items[*].used")).containsExactly(5);
    assertThat(Json.list(summary, "$.items[*].left")).containsExactly(95);
  }

  @Test
  void twentyPhonesRecordingOneHouseholdAtOnceGetOneSuccessAndNineteenConflicts() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "50", null);
    String round = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(relief.member("Rekha " + i));
    }
    relief.household(people.get(0), people.subList(1, 4).toArray(String[]::new));

    List<HttpResponse<String>> answers =
        together(20, i -> relief.give(round, "{\"memberId\":\"%s\"}".formatted(people.get(i % 4))));

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(19);
    String winner =
        Relief.field(
            answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().body(),
            "id");
    assertThat(answers.stream().filter(a -> a.statusCode() == 409))
        .allSatisfy(a -> assertThat(a.body()).contains(winner, leader.username()));
    assertThat(count("select count(*) from distribution where round_id = ?", round)).isEqualTo(1);
    assertThat(Json.list(relief.get("/api/v1/stock?locationId=" + office).body(), "$[*].onHand"))
        .containsExactly(49);
  }

  @Test
  void oneIdempotencyKeySentTwentyTimesAtOnceRecordsOnce() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "50", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "UNLIMITED");
    String member = relief.member("Padma");

    List<HttpResponse<String>> answers =
        together(
            20,
            i ->
                relief.give(
                    round,
                    "{\"memberId\":\"%s\"}".formatted(member),
                    "Idempotency-Key",
                    "give-padma-once"));

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
    assertThat(answers.stream().map(a -> Relief.field(a.body(), "id")).distinct()).hasSize(1);
    assertThat(count("select count(*) from distribution where round_id = ?", round)).isEqualTo(1);
    assertThat(Json.list(relief.get("/api/v1/stock?locationId=" + office).body(), "$[*].onHand"))
        .containsExactly(49);
  }

  @Test
  void aDistributionThatWouldTakeStockBelowZeroIsRefusedWithTheQuantityLeft() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String dal = relief.item("Dal", "KG");
    String office = relief.location("Office");
    relief.receive(office, dal, "3.5", null);
    String round = relief.round(office, dal, "2", "ALL_MEMBERS", "ONCE_PER_PERSON");
    assertThat(
            relief
                .give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Uma")))
                .statusCode())
        .isEqualTo(201);

    var refused = relief.give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Sita")));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Json.object(refused.body(), "$"))
        .containsEntry("left", 1.5)
        .containsEntry("needed", 2);
    assertThat(refused.body()).contains("only 1.5 left");
    assertThat(Json.list(relief.get("/api/v1/stock").body(), "$[*].onHand")).containsExactly(1.5);
    assertThat(count("select count(*) from distribution where round_id = ?", round)).isEqualTo(1);
  }

  @Test
  void anotherCollectivesRoundsAreNotFound() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var theirs = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(ours, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    String member = relief.member("Meena");
    String firstId = Relief.created(relief.give(round, "{\"memberId\":\"%s\"}".formatted(member)));
    var stranger = fixtures.user(theirs, Role.ORG_ADMIN);
    Relief other = new Relief(http(), http().token(stranger.username(), stranger.password()));

    assertThat(other.get("/api/v1/distribution-rounds/" + round).statusCode()).isEqualTo(404);
    assertThat(other.get("/api/v1/distribution-rounds/" + round + "/summary").statusCode())
        .isEqualTo(404);
    assertThat(other.give(round, "{\"memberId\":\"%s\"}".formatted(member)).statusCode())
        .isEqualTo(404);
    assertThat(
            other
                .post("/api/v1/distributions/" + firstId + "/reversal", "{\"reason\":\"OTHER\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.get("/api/v1/distribution-rounds").body()).isEqualTo("[]");
    assertThat(other.get("/api/v1/stock").body()).isEqualTo("[]");
    // Their own round cannot hand our member anything either.
    String theirKit = other.item("Kit", "KIT");
    String theirOffice = other.location("Store");
    other.receive(theirOffice, theirKit, "10", null);
    String theirRound = other.round(theirOffice, theirKit, "1", "ANYONE_AT_SITE", "UNLIMITED");
    assertThat(other.give(theirRound, "{\"memberId\":\"%s\"}".formatted(member)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void mentorsAndFundersSeeCountsOnlyWithSmallCountsSuppressed() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    var unrelated = fixtures.organisation(OrganisationKind.MENTOR);
    link(mentor, LinkKind.MENTOR_OF, collective);
    link(funder, LinkKind.FUNDER_OF, collective);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "20", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    for (int i = 0; i < 3; i++) {
      Relief.created(
          relief.give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Anjali " + i))));
    }
    String small = "/api/v1/distribution-rounds/" + round + "/summary";
    for (var viewer :
        List.of(
            fixtures.user(mentor, Role.MENTOR_STAFF), fixtures.user(funder, Role.FUNDER_VIEWER))) {
      Relief them = new Relief(http(), http().token(viewer.username(), viewer.password()));
      var counts = them.get(small);
      assertThat(counts.statusCode()).isEqualTo(200);
      assertThat(Json.object(counts.body(), "$.distributions"))
          .containsEntry("value", null)
          .containsEntry("fewerThanFive", true);
      assertThat(Json.object(counts.body(), "$")).doesNotContainKey("items");
      assertThat(counts.body()).doesNotContain("Anjali").doesNotContain(leader.username());
      assertThat(them.get("/api/v1/distribution-rounds/" + round).statusCode()).isEqualTo(403);
      assertThat(them.get("/api/v1/distribution-rounds/" + round + "/distributions").statusCode())
          .isEqualTo(403);
      assertThat(them.get("/api/v1/distribution-rounds?organisation=" + collective.id()).body())
          .contains(round);
    }
    for (int i = 0; i < 3; i++) {
      Relief.created(
          relief.give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Kavita " + i))));
    }
    var mentorStaff = fixtures.user(mentor, Role.MENTOR_STAFF);
    Relief them = new Relief(http(), http().token(mentorStaff.username(), mentorStaff.password()));
    assertThat(Json.object(them.get(small).body(), "$.distributions"))
        .containsEntry("value", 6)
        .containsEntry("fewerThanFive", false);
    var outsider = fixtures.user(unrelated, Role.MENTOR_STAFF);
    Relief stranger = new Relief(http(), http().token(outsider.username(), outsider.password()));
    assertThat(stranger.get(small).statusCode()).isEqualTo(404);
  }

  private void link(Organisation from, LinkKind kind, Organisation to) {
    organisations.link(fixtures.systemAdmin().actor(), from.id(), kind, to.id());
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param(java.util.UUID.fromString(id)).query(Long.class).single();
  }

  interface Call {
    HttpResponse<String> run(int i);
  }

  private static List<HttpResponse<String>> together(int n, Call call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          POOL.submit(
              () -> {
                start.await();
                return call.run(index);
              }));
    }
    start.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (var f : futures) {
      answers.add(f.get());
    }
    return answers;
  }
}
