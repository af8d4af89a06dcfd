package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class VaccinationIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  private Cared as(Organisation organisation, Role role) {
    var user = fixtures.user(organisation, role);
    return new Cared(http(), http().token(user.username(), user.password()));
  }

  private static HttpResponse<String> dose(
      Cared api, String member, String vaccine, int dose, String on, String... headers) {
    return api.post(
        "/api/v1/vaccinations",
        "{\"member\":\"%s\",\"vaccine\":\"%s\",\"dose\":%d,\"givenOn\":\"%s\",\"place\":\"PHC\"}"
            .formatted(member, vaccine, dose, on),
        headers);
  }

  /**
   * Worked example: Covaxin's first dose on 31 January 2026 makes the second due on 28 February (28
   * days); Td's first dose on 31 January 2024 makes the second due on the leap day. The due list of
   * a day names exactly those due by then, the longest waiting first.
   */
  @Test
  void theDueListFollowsEachVaccinesIntervalsAcrossMonthEndsAndLeapYears() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared leader = as(collective, Role.LEADER);
    String[] asha = leader.member("Asha Vaccinated", "Guntur");
    String[] bina = leader.member("Bina Vaccinated", "Krishna");
    String[] chitra = leader.member("Chitra Complete", "Guntur");

    var first = dose(leader, asha[1], "COVAXIN", 1, "2026-01-31", "Idempotency-Key", "dose-a1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    var replay = dose(leader, asha[1], "COVAXIN", 1, "2026-01-31", "Idempotency-Key", "dose-a1");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(dose(leader, asha[0], "COVAXIN", 1, "2026-01-30").statusCode())
        .as("the same dose again, without the key")
        .isEqualTo(409);
    assertThat(dose(leader, bina[0], "TD", 1, "2024-01-31").statusCode()).isEqualTo(201);
    assertThat(dose(leader, chitra[0], "TD", 1, "2024-01-02").statusCode()).isEqualTo(201);
    assertThat(dose(leader, chitra[0], "TD", 2, "2024-02-10").statusCode()).isEqualTo(201);

    var wrong = dose(leader, bina[0], "TD", 2, "2024-01-30");
    assertThat(Json.object(wrong.body(), "$.errors")).containsOnlyKeys("givenOn");
    var nonsense = dose(leader, "NOPE-1", "POLIO", 9, "someday");
    assertThat(Json.object(nonsense.body(), "$.errors"))
        .containsOnlyKeys("member", "vaccine", "givenOn");
    assertThat(Json.object(dose(leader, asha[0], "TD", 3, "2026-01-01").body(), "$.errors"))
        .containsOnlyKeys("dose");

    String leapDay = leader.get("/api/v1/vaccinations/due?on=2024-02-29").body();
    assertThat(Json.list(leapDay, "$[*].code")).containsExactly(bina[1]);
    assertThat(Json.list(leapDay, "$[*].dueOn")).containsExactly("2024-02-29");
    assertThat(Json.list(leapDay, "$[*].days")).containsExactly(0);
    assertThat(Json.list(leader.get("/api/v1/vaccinations/due?on=2024-02-28").body(), "$"))
        .isEmpty();
    String march = leader.get("/api/v1/vaccinations/due?on=2026-03-01").body();
    assertThat(Json.list(march, "$[*].code")).containsExactly(bina[1], asha[1]);
    assertThat(Json.list(march, "$[*].dueOn")).containsExactly("2024-02-29", "2026-02-28");
    assertThat(Json.list(march, "$[*].dose")).containsExactly(2, 2);
    assertThat(Json.number(march, "$[1].days")).isEqualTo(1);
    assertThat(Json.list(leader.get("/api/v1/vaccinations/due?on=2026-02-27").body(), "$[*].code"))
        .containsExactly(bina[1]);

    String coverage = leader.get("/api/v1/vaccinations/coverage").body();
    assertThat(Json.list(coverage, "$.districts.Guntur[*].value")).containsExactly(2, 2, 1, 0);

    Http browser = http();
    var user = fixtures.user(collective, Role.COUNSELLOR);
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/care/vaccinations").body())
        .contains("Bina Vaccinated", "id=\"vaccination-coverage\"");
    assertThat(browser.get("/care/vaccinations/due").body())
        .contains("Bina Vaccinated", "Asha Vaccinated", "Covaxin (COVID-19)")
        .doesNotContain("Chitra Complete");
    assertThat(browser.get("/care").body()).contains("id=\"care-overview\"");
  }

  @Test
  void anotherCollectiveSeesNothingAndMentorsSeeCountsOnly() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared leader = as(collective, Role.LEADER);
    String[] asha = leader.member("Asha Private", "Guntur");
    assertThat(dose(leader, asha[0], "COVISHIELD", 1, "2026-06-01").statusCode()).isEqualTo(201);

    Cared stranger = as(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    assertThat(stranger.get("/api/v1/vaccinations?member=" + asha[0]).statusCode()).isEqualTo(404);
    var theirs = dose(stranger, asha[0], "COVISHIELD", 2, "2026-09-01");
    assertThat(Json.object(theirs.body(), "$.errors")).as(theirs.body()).containsOnlyKeys("member");
    assertThat(dose(stranger, asha[1], "COVISHIELD", 2, "2026-09-01").statusCode()).isEqualTo(400);
    assertThat(stranger.get("/api/v1/vaccinations/due").body()).doesNotContain(asha[1]);
    assertThat(
            stranger
                .get("/api/v1/vaccinations/coverage?organisation=" + collective.id())
                .statusCode())
        .isEqualTo(404);

    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    Cared staff = as(mentor, Role.MENTOR_STAFF);
    String counts =
        staff.get("/api/v1/vaccinations/coverage?organisation=" + collective.id()).body();
    assertThat(Json.flag(counts, "$.exact")).isFalse();
    assertThat(Json.list(counts, "$.districts.Guntur[*].fewerThanFive"))
        .containsExactly(true, true, false, false);
    assertThat(staff.get("/api/v1/vaccinations/due").statusCode()).isIn(403, 404);
    assertThat(staff.get("/api/v1/vaccinations?member=" + asha[0]).statusCode()).isIn(403, 404);

    Cared admin = as(collective, Role.ORG_ADMIN);
    assertThat(admin.erase(asha[0])).isEqualTo(204);
    assertThat(Json.list(admin.get("/api/v1/vaccinations/coverage").body(), "$.districts.*"))
        .isEmpty();
  }

  @Test
  void onlyASystemAdminChangesAVaccinesIntervals() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Cared admin = as(collective, Role.ORG_ADMIN);
    assertThat(
            admin
                .put("/api/v1/vaccines/CORBEVAX", "{\"doses\":2,\"intervals\":[\"P2M\"]}")
                .statusCode())
        .isEqualTo(403);
    var system = fixtures.systemAdmin();
    Cared root = new Cared(http(), http().token(system.username(), system.password()));
    var wrong = root.put("/api/v1/vaccines/CORBEVAX", "{\"doses\":3,\"intervals\":[\"soon\"]}");
    assertThat(Json.object(wrong.body(), "$.errors")).containsOnlyKeys("intervals");
    var count = root.put("/api/v1/vaccines/CORBEVAX", "{\"doses\":3,\"intervals\":[\"P28D\"]}");
    assertThat(Json.object(count.body(), "$.errors")).containsOnlyKeys("intervals");
    var changed =
        root.put("/api/v1/vaccines/CORBEVAX", "{\"doses\":3,\"intervals\":[\"P30D\",\"P9M\"]}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(Json.list(changed.body(), "$.intervals")).containsExactly("P30D", "P9M");
    root.put("/api/v1/vaccines/CORBEVAX", "{\"doses\":3,\"intervals\":[\"P28D\",\"P6M\"]}");
    assertThat(root.put("/api/v1/vaccines/NOPE", "{\"doses\":1,\"intervals\":[]}").statusCode())
        .isEqualTo(404);
  }
}
