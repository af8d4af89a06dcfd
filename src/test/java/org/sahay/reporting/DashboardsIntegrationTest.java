package org.sahay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.TokenClient;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardsIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

  /**
   * A worked data set: eight members (six active in Guntur, one in Krishna, one erased), a
   * household of two with a child, two hand-overs, a food need, a donation and an expense, a dose.
   * The collective sees each indicator exactly; its mentor sees the same numbers with 1 to 4
   * suppressed and the second cell withheld where a total would give the first away; amounts of
   * money stay exact.
   */
  @Test
  void everyIndicatorMatchesAWorkedDataSetExactlyForTheCollectiveAndSuppressedForItsMentor() {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leaderUser = fixtures.user(collective, Role.LEADER, Role.ORG_ADMIN);
    TokenClient leader =
        new TokenClient(http(), http().token(leaderUser.username(), leaderUser.password()));
    String[] guntur = new String[6];
    for (int i = 0; i < 6; i++) {
      guntur[i] = member(leader, "Lakshmi Worked" + i, "FEMALE", 1990, "Guntur");
    }
    String krishna = member(leader, "Ravi Worked", "TRANSGENDER", 1960, "Krishna");
    String erased = member(leader, "Gone Worked", "FEMALE", 2015, "Guntur");
    assertThat(leader.erase(erased)).isEqualTo(204);
    created(
        leader.post(
            "/api/v1/households",
            """
            {"housing":"RENTED","district":"Guntur","headMemberId":"%s","memberIds":["%s"],
             "dependents":[{"kind":"CHILD","name":"Chinni","age":9,"inSchool":true}]}
            """
                .formatted(guntur[0], guntur[1])));
    String item =
        created(
            leader.post(
                "/api/v1/items", "{\"nameEn\":\"Rice\",\"unit\":\"KG\",\"category\":\"FOOD\"}"));
    String location = created(leader.post("/api/v1/stock-locations", "{\"name\":\"Hall\"}"));
    assertThat(
            leader
                .post(
                    "/api/v1/stock-receipts",
                    "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":50,\"source\":\"DONATION_IN_KIND\"}"
                        .formatted(location, item))
                .statusCode())
        .isEqualTo(201);
    String round =
        created(
            leader.post(
                "/api/v1/distribution-rounds",
                """
                {"name":"Ration round","startsOn":"%s","endsOn":"%s","locationId":"%s",
                 "lines":[{"item":"%s","quantity":5}],"eligibility":"ALL_MEMBERS",
                 "rule":"ONCE_PER_HOUSEHOLD"}
                """
                    .formatted(TODAY.withDayOfMonth(1), TODAY.plusDays(30), location, item)));
    for (String who : List.of(guntur[1], krishna)) {
      created(
          leader.post(
              "/api/v1/distribution-rounds/" + round + "/distributions",
              "{\"memberId\":\"%s\"}".formatted(who)));
    }
    created(
        leader.post(
            "/api/v1/needs", "{\"memberId\":\"%s\",\"category\":\"food\"}".formatted(guntur[2])));
    created(
        leader.post(
            "/api/v1/vaccinations",
            "{\"member\":\"%s\",\"vaccine\":\"TD\",\"dose\":1,\"givenOn\":\"%s\"}"
                .formatted(guntur[3], TODAY)));
    String fund = campaignFund(leader);

    String exact = leader.get("/api/v1/reports/dashboard").body();
    assertThat(Json.flag(exact, "$.exact")).isTrue();
    assertThat(values(exact, "members.status"))
        .containsEntry("ACTIVE", 7L)
        .containsEntry("ERASED", 1L)
        .containsEntry("MOVED", 0L);
    assertThat(values(exact, "members.district"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Guntur", 6L, "Krishna", 1L));
    assertThat(values(exact, "members.gender"))
        .containsEntry("FEMALE", 6L)
        .containsEntry("TRANSGENDER", 1L)
        .containsEntry("MALE", 0L);
    assertThat(values(exact, "members.ageBand"))
        .containsEntry("FROM_30", 6L)
        .containsEntry("FROM_60", 1L)
        .containsEntry("UNKNOWN", 0L);
    assertThat(values(exact, "members.joined")).containsEntry("", 8L);
    assertThat(values(exact, "households.registered")).containsEntry("", 1L);
    assertThat(values(exact, "relief.households"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Guntur", 1L, "Krishna", 1L));
    assertThat(values(exact, "relief.people")).containsEntry("", 4L);
    assertThat(values(exact, "relief.kits")).containsEntry("", 0L);
    assertThat(values(exact, "needs.open")).containsEntry("FOOD", 1L).containsEntry("RENT", 0L);
    assertThat(values(exact, "funds.raised")).containsEntry(fund, 500_000L);
    assertThat(values(exact, "funds.spent")).containsEntry(fund, 120_000L);
    assertThat(values(exact, "funds.remaining")).containsEntry(fund, 380_000L);
    assertThat(values(exact, "care.doses")).containsEntry("TD", 1L);
    assertThat(
            Json.list(exact, "$.panels[?(@.indicator.key=='members.district')].total.count.value"))
        .containsExactly(7);

    String narrowed = leader.get("/api/v1/reports/dashboard?district=Krishna").body();
    assertThat(values(narrowed, "members.gender"))
        .containsEntry("TRANSGENDER", 1L)
        .containsEntry("FEMALE", 0L);
    assertThat(values(narrowed, "relief.households"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Krishna", 1L));
    assertThat(Json.list(narrowed, "$.panels[?(@.indicator.key=='needs.open')].wholeCollective"))
        .containsExactly(true);

    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var staffUser = fixtures.user(mentor, Role.MENTOR_STAFF);
    TokenClient staff =
        new TokenClient(http(), http().token(staffUser.username(), staffUser.password()));
    String seen = staff.get("/api/v1/reports/dashboard?collective=" + collective.id()).body();
    assertThat(Json.flag(seen, "$.exact")).isFalse();
    Map<String, Map<String, Object>> gender = counts(seen, "members.gender");
    assertThat(gender.get("TRANSGENDER")).containsEntry("fewerThanFive", true);
    assertThat(gender.get("FEMALE")).containsEntry("withheld", true);
    assertThat(gender.get("MALE")).containsEntry("value", 0);
    Map<String, Map<String, Object>> status = counts(seen, "members.status");
    assertThat(status.get("ACTIVE")).containsEntry("withheld", true);
    assertThat(status.get("ERASED")).containsEntry("fewerThanFive", true);
    assertThat(counts(seen, "relief.people").get("")).containsEntry("fewerThanFive", true);
    assertThat(values(seen, "funds.raised")).containsEntry(fund, 500_000L);
    assertThat(seen).doesNotContain("Lakshmi", "Ravi", "Chinni");
    neverBelowFive(seen);
  }

  /**
   * A mentor sees only the collectives it mentors: another collective is not among them, and asking
   * for it is answered as if it did not exist. A funder never sees a count below five nor a name,
   * and only its own grants' money. A network sees its member collectives' counts and no member's
   * record.
   */
  @Test
  void mentorsFundersAndNetworksSeeOnlyTheirCollectivesInCountsOnly() {
    Organisation mentored = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Organisation other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leaderUser = fixtures.user(mentored, Role.LEADER, Role.ORG_ADMIN);
    TokenClient leader =
        new TokenClient(http(), http().token(leaderUser.username(), leaderUser.password()));
    String someone = null;
    for (int i = 0; i < 3; i++) {
      someone = member(leader, "Sita Scoped" + i, "FEMALE", 1985, "Nellore");
    }
    String fund = campaignFund(leader);
    var admin = fixtures.systemAdmin().actor();
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(admin, mentor.id(), LinkKind.MENTOR_OF, mentored.id());
    var staffUser = fixtures.user(mentor, Role.MENTOR_STAFF);
    TokenClient staff =
        new TokenClient(http(), http().token(staffUser.username(), staffUser.password()));
    String seen = staff.get("/api/v1/reports/dashboard").body();
    assertThat(Json.list(seen, "$.collectives[*].id")).containsExactly(mentored.id().toString());
    assertThat(staff.get("/api/v1/reports/dashboard?collective=" + other.id()).statusCode())
        .isEqualTo(404);
    assertThat(counts(seen, "members.district").get("Nellore"))
        .containsEntry("fewerThanFive", true);

    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(admin, funder.id(), LinkKind.FUNDER_OF, mentored.id());
    var viewerUser = fixtures.user(funder, Role.FUNDER_VIEWER);
    TokenClient viewer =
        new TokenClient(http(), http().token(viewerUser.username(), viewerUser.password()));
    String funded = viewer.get("/api/v1/reports/dashboard").body();
    assertThat(Json.text(funded, "$.kind")).isEqualTo("FUNDER");
    neverBelowFive(funded);
    assertThat(funded).doesNotContain("Sita", fund);
    assertThat(values(funded, "funds.raised")).isEmpty();
    assertThat(viewer.get("/api/v1/members/" + someone).statusCode()).isIn(403, 404);

    var network = fixtures.organisation(OrganisationKind.NETWORK);
    assertThat(organisations.link(admin, mentored.id(), LinkKind.MEMBER_OF, network.id()))
        .isEqualTo(Organisations.Linking.LINKED);
    assertThat(organisations.link(admin, network.id(), LinkKind.MEMBER_OF, mentored.id()))
        .isEqualTo(Organisations.Linking.WRONG_KINDS);
    var networkUser = fixtures.user(network, Role.MENTOR_STAFF);
    TokenClient networkStaff =
        new TokenClient(http(), http().token(networkUser.username(), networkUser.password()));
    String across = networkStaff.get("/api/v1/reports/dashboard").body();
    assertThat(Json.text(across, "$.kind")).isEqualTo("NETWORK");
    assertThat(Json.list(across, "$.collectives[*].id")).containsExactly(mentored.id().toString());
    neverBelowFive(across);
    assertThat(networkStaff.get("/api/v1/members/" + someone).statusCode()).isIn(403, 404);
    assertThat(networkStaff.get("/api/v1/care/counts?organisation=" + mentored.id()).statusCode())
        .isEqualTo(403);

    var outsiderUser =
        fixtures.user(
            fixtures.organisation(OrganisationKind.DISTRICT_OFFICE), Role.DISTRICT_LIAISON);
    assertThat(
            new TokenClient(http(), http().token(outsiderUser.username(), outsiderUser.password()))
                .get("/api/v1/reports/dashboard")
                .statusCode())
        .isIn(403, 404);
    assertThat(leader.get("/api/v1/reports/dashboard?from=April").statusCode()).isEqualTo(400);
  }

  private static String member(
      TokenClient client, String name, String gender, Integer year, String district) {
    return created(
        client.post(
            "/api/v1/members",
            "{\"name\":\"%s\",\"gender\":\"%s\",%s\"district\":\"%s\"}"
                .formatted(
                    name, gender, year == null ? "" : "\"yearOfBirth\":" + year + ",", district)));
  }

  /** A campaign with 5,000 rupees given and 1,200 spent today; answers the fund's name. */
  private static String campaignFund(TokenClient client) {
    String name = "Worked fund " + System.nanoTime();
    String campaign =
        created(
            client.post(
                "/api/v1/campaigns",
                """
                {"name":"%s","goal":"1,00,000","startsOn":"%s","channel":"DIRECT_APPEAL",
                 "slug":"worked-%d"}
                """
                    .formatted(name, TODAY.minusDays(1), System.nanoTime())));
    created(
        client.post(
            "/api/v1/campaigns/" + campaign + "/donations",
            """
            {"amountPaise":500000,"receivedOn":"%s","channel":"CASH","donorName":"Asha Testdonor"}
            """
                .formatted(TODAY)));
    String fund = Json.text(client.get("/api/v1/campaigns/" + campaign).body(), "$.fundId");
    created(
        client.post(
            "/api/v1/expenses",
            """
            {"fundId":"%s","category":"FOOD_AND_RATIONS","payee":"Kirana store","amountPaise":120000,
             "spentOn":"%s","bought":"ration kits","peopleReached":4}
            """
                .formatted(fund, TODAY)));
    return name;
  }

  private static String created(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.text(response.body(), "$.id");
  }

  /** Each label of an indicator and its count as shown (value, fewerThanFive, withheld). */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> counts(String json, String key) {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    List<Object> rows = Json.list(json, "$.panels[?(@.indicator.key=='" + key + "')].rows[*]");
    for (Object row : rows) {
      Map<String, Object> r = (Map<String, Object>) row;
      all.put(String.valueOf(r.get("label")), (Map<String, Object>) r.get("count"));
    }
    return all;
  }

  /** Each label of an indicator and its value, where shown. */
  static Map<String, Long> values(String json, String key) {
    Map<String, Long> all = new LinkedHashMap<>();
    counts(json, key)
        .forEach(
            (label, count) -> {
              if (count.get("value") != null) {
                all.put(label, ((Number) count.get("value")).longValue());
              }
            });
    return all;
  }

  /** No count of people, households or records anywhere in the answer is 1 to 4. */
  static void neverBelowFive(String json) {
    List<Object> values = Json.list(json, "$.panels[?(@.indicator.unit != 'MONEY')]..value");
    for (Object v : values) {
      if (v == null) {
        continue;
      }
      long n = ((Number) v).longValue();
      assertThat(n == 0 || n >= 5).as("count %s shown", n).isTrue();
    }
  }
}
