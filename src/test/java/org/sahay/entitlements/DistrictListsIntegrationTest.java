package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class DistrictListsIntegrationTest extends IntegrationTest {

  private static final String TEMPLATE = "1157e000-0000-4000-8000-000000000001";
  private static final String TELUGU_TEMPLATE = "1157e000-0000-4000-8000-000000000002";

  @Autowired private Organisations organisations;

  private record Setting(
      Organisation collective, Organisation office, Entitled leader, Entitled liaison) {}

  private Setting setting() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var leader = fixtures.user(collective, Role.LEADER);
    var liaison = fixtures.user(office, Role.DISTRICT_LIAISON);
    return new Setting(
        collective,
        office,
        new Entitled(http(), http().token(leader.username(), leader.password())),
        new Entitled(http(), http().token(liaison.username(), liaison.password())));
  }

  private static void consent(Entitled leader, String member, boolean granted) {
    var response =
        leader.post(
            "/api/v1/members/" + member + "/consents",
            "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":" + granted + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static HttpResponse<String> make(Setting s, String template, String title) {
    return s.leader.post(
        "/api/v1/beneficiary-lists",
        """
        {"template":"%s","office":"%s","title":"%s","without":"RATION_CARD"}
        """
            .formatted(template, s.office.id(), title));
  }

  /**
   * Four members without a ration card: two consent, one never did, one withdrew. The list has the
   * two, counts and names the other two inside the collective only, stays as sent when a member is
   * edited or withdraws afterwards, and a later list follows the consent as it is then.
   */
  @Test
  void onlyConsentingMembersAreSentAndTheSentListIsFrozen() throws Exception {
    Setting s = setting();
    String asha = s.leader.member("Asha Consents");
    String bina = s.leader.member("Bina Consents");
    String chitra = s.leader.member("Chitra Never");
    String durga = s.leader.member("Durga Withdrew");
    consent(s.leader, asha, true);
    consent(s.leader, bina, true);
    consent(s.leader, durga, true);
    consent(s.leader, durga, false);

    var made = make(s, TEMPLATE, "Relief list May");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = Json.text(made.body(), "$.list.id");
    assertThat(Json.number(made.body(), "$.list.rows")).isEqualTo(2);
    assertThat(Json.number(made.body(), "$.list.leftOut")).isEqualTo(2);
    assertThat(Json.list(made.body(), "$.leftOut[*].id")).containsExactlyInAnyOrder(chitra, durga);
    String base = "/api/v1/beneficiary-lists/" + id;

    String csv = csv(s.leader, base);
    assertThat(csv.lines().findFirst().orElseThrow())
        .contains("S. No.,Name of the beneficiary,Gender,Age");
    assertThat(csv).contains("Asha Consents", "Bina Consents").doesNotContain("Chitra", "Durga");
    assertThat(csv.lines().count()).isEqualTo(3);
    assertThat(xlsxRows(s.leader, base)).hasSize(3).last().asString().contains("Bina Consents");

    var edited =
        s.leader.put(
            "/api/v1/members/" + asha,
            "{\"name\":\"Asha Renamed\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,"
                + "\"district\":\"Guntur\",\"version\":0}");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    consent(s.leader, bina, false);
    assertThat(csv(s.leader, base))
        .as("the list as sent")
        .contains("Asha Consents", "Bina Consents")
        .doesNotContain("Asha Renamed");

    var later = make(s, TELUGU_TEMPLATE, "Ration list June");
    assertThat(Json.number(later.body(), "$.list.rows")).isEqualTo(1);
    assertThat(Json.number(later.body(), "$.list.leftOut")).isEqualTo(3);
    String telugu =
        csv(s.leader, "/api/v1/beneficiary-lists/" + Json.text(later.body(), "$.list.id"));
    assertThat(telugu).contains("లబ్ధిదారు పేరు", "Asha Renamed", "లేదు");

    assertThat(Json.list(s.leader.get(base + "/left-out").body(), "$[*].code")).hasSize(2);
  }

  private static void need(Entitled leader, String field, String id, String category) {
    var response =
        leader.post(
            "/api/v1/needs",
            "{\"%s\":\"%s\",\"category\":\"%s\",\"severity\":\"HIGH\"}"
                .formatted(field, id, category));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  /**
   * A list of those with an open food need: a member's own need picks her, a household's picks its
   * head (once, even when a member of it has her own); a need met or of another kind picks nobody;
   * consent still decides who is sent. A need that would tell the office why she is on the list
   * (mental health, safety, debt) cannot pick anyone.
   */
  @Test
  void aListOfThoseWithAnOpenFoodNeedFollowsNeedsAndConsent() {
    Setting s = setting();
    String ela = s.leader.member("Ela Hungry");
    String fatima = s.leader.member("Fatima Head");
    String gita = s.leader.member("Gita Sister");
    String hema = s.leader.member("Hema Rent");
    String indu = s.leader.member("Indu NoConsent");
    String household = s.leader.household(fatima, gita);
    need(s.leader, "memberId", ela, "FOOD");
    need(s.leader, "householdId", household, "FOOD");
    need(s.leader, "memberId", gita, "FOOD");
    need(s.leader, "memberId", hema, "RENT");
    need(s.leader, "memberId", indu, "FOOD");
    for (String m : new String[] {ela, fatima, gita, hema}) {
      consent(s.leader, m, true);
    }
    var made =
        s.leader.post(
            "/api/v1/beneficiary-lists",
            """
            {"template":"%s","office":"%s","title":"Food list","openNeed":"FOOD"}
            """
                .formatted(TEMPLATE, s.office.id()));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(Json.number(made.body(), "$.list.rows")).isEqualTo(3);
    assertThat(Json.number(made.body(), "$.list.leftOut")).isEqualTo(1);
    assertThat(Json.list(made.body(), "$.leftOut[*].id")).containsExactly(indu);
    assertThat(Json.text(made.body(), "$.list.selection")).isEqualTo("open need FOOD");
    String csv = csv(s.leader, "/api/v1/beneficiary-lists/" + Json.text(made.body(), "$.list.id"));
    assertThat(csv).contains("Ela Hungry", "Fatima Head", "Gita Sister").doesNotContain("Hema");

    for (String refused : new String[] {"MENTAL_HEALTH", "SAFETY", "DEBT", "hunger"}) {
      var answer =
          s.leader.post(
              "/api/v1/beneficiary-lists",
              """
              {"template":"%s","office":"%s","title":"No","openNeed":"%s"}
              """
                  .formatted(TEMPLATE, s.office.id(), refused));
      assertThat(answer.statusCode()).as(refused).isEqualTo(400);
      assertThat(Json.object(answer.body(), "$.errors")).as(refused).containsKey("openNeed");
    }
  }

  @Test
  void aLiaisonSeesOnlyTheListsSentToTheOfficeAndNothingElse() throws Exception {
    Setting s = setting();
    String asha = s.leader.member("Asha Liaison");
    consent(s.leader, asha, true);
    String id = Json.text(make(s, TEMPLATE, "For the collectorate").body(), "$.list.id");
    String base = "/api/v1/beneficiary-lists/" + id;

    assertThat(Json.list(s.liaison.get("/api/v1/beneficiary-lists").body(), "$[*].id"))
        .containsExactly(id);
    assertThat(csv(s.liaison, base)).contains("Asha Liaison");
    assertThat(s.liaison.post(base + "/acknowledgement", "{}").statusCode()).isEqualTo(204);
    assertThat(Json.text(s.leader.get(base).body(), "$.acknowledgedBy")).isNotBlank();

    assertThat(s.liaison.get(base + "/left-out").statusCode()).isIn(403, 404);
    assertThat(s.liaison.get("/api/v1/members/" + asha).statusCode()).isIn(403, 404);
    assertThat(s.liaison.get("/api/v1/members/" + asha + "/entitlements").statusCode())
        .isIn(403, 404);
    assertThat(s.liaison.get("/api/v1/schemes").statusCode()).isEqualTo(403);
    assertThat(s.liaison.get("/api/v1/drives").statusCode()).isEqualTo(403);
    assertThat(s.liaison.get("/api/v1/coverage?organisation=" + s.collective.id()).statusCode())
        .isEqualTo(404);
    assertThat(s.liaison.get("/api/v1/needs").statusCode()).isIn(403, 404);
    assertThat(s.liaison.get("/api/v1/beneficiary-list-templates").statusCode()).isEqualTo(403);
    assertThat(
            s.liaison
                .post(
                    "/api/v1/beneficiary-lists",
                    "{\"template\":\"%s\",\"office\":\"%s\",\"title\":\"x\",\"codes\":[\"A\"]}"
                        .formatted(TEMPLATE, s.office.id()))
                .statusCode())
        .isEqualTo(403);

    Setting other = setting();
    assertThat(other.liaison.get(base).statusCode()).isEqualTo(404);
    assertThat(other.liaison.get(base + "/export").statusCode()).isEqualTo(404);
    assertThat(other.leader.get(base).statusCode()).isEqualTo(404);
    assertThat(other.leader.get(base + "/export").statusCode()).isEqualTo(404);
    var unlinked =
        other.leader.post(
            "/api/v1/beneficiary-lists",
            "{\"template\":\"%s\",\"office\":\"%s\",\"title\":\"x\",\"without\":\"AADHAAR\"}"
                .formatted(TEMPLATE, s.office.id()));
    assertThat(unlinked.statusCode())
        .as("an office the collective does not work with")
        .isEqualTo(400);
    assertThat(Json.object(unlinked.body(), "$.errors")).containsKey("office");
  }

  /**
   * A list made for a scheme is an application for everyone on it, and what the office supplies is
   * recorded on each person's standing as granted, once.
   */
  @Test
  void aSchemesListRecordsApplicationsAndWhatTheOfficeSuppliedIsGranted() {
    Setting s = setting();
    String asha = s.leader.member("Asha Ration");
    String bina = s.leader.member("Bina Ration");
    consent(s.leader, asha, true);
    consent(s.leader, bina, true);
    String scheme = s.leader.scheme("EMERGENCY_RATION");
    var made =
        s.leader.post(
            "/api/v1/beneficiary-lists",
            """
            {"template":"%s","office":"%s","title":"Free ration, no card","without":"RATION_CARD",
             "scheme":"%s"}
            """
                .formatted(TEMPLATE, s.office.id(), scheme));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String base = "/api/v1/beneficiary-lists/" + Json.text(made.body(), "$.list.id");
    for (String member : List.of(asha, bina)) {
      assertThat(
              Json.text(
                  s.leader.get("/api/v1/members/" + member + "/entitlements/" + scheme).body(),
                  "$.entitlement.status"))
          .isEqualTo("APPLIED");
    }
    String rows = s.liaison.get(base + "/rows").body();
    int ashasRow =
        rows.contains("\"Asha Ration\"")
            ? ((Number) Json.list(rows, "$.rows[?(@.cells[1] == 'Asha Ration')].position").get(0))
                .intValue()
            : -1;
    assertThat(s.liaison.post(base + "/rows/" + ashasRow + "/supplied", "{}").statusCode())
        .isEqualTo(204);
    assertThat(s.liaison.post(base + "/rows/" + ashasRow + "/supplied", "{}").statusCode())
        .isEqualTo(204);
    String ashas = s.leader.get("/api/v1/members/" + asha + "/entitlements/" + scheme).body();
    assertThat(Json.text(ashas, "$.entitlement.status")).isEqualTo("GRANTED");
    assertThat(Json.list(ashas, "$.entitlement.history[*].status"))
        .containsExactly("APPLIED", "GRANTED");
    assertThat(
            Json.text(
                s.leader.get("/api/v1/members/" + bina + "/entitlements/" + scheme).body(),
                "$.entitlement.status"))
        .isEqualTo("APPLIED");
    assertThat(s.leader.post(base + "/rows/" + ashasRow + "/supplied", "{}").statusCode())
        .as("only the office records what it supplied")
        .isIn(403, 404);
    assertThat(setting().liaison.post(base + "/rows/1/supplied", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void anErasedMembersRowCanNoLongerBeRead() throws Exception {
    Setting s = setting();
    String asha = s.leader.member("Asha Erased Row");
    String bina = s.leader.member("Bina Stays");
    consent(s.leader, asha, true);
    consent(s.leader, bina, true);
    String id = Json.text(make(s, TEMPLATE, "Before erasure").body(), "$.list.id");
    var admin = fixtures.user(s.collective, Role.ORG_ADMIN);
    assertThat(new Entitled(http(), http().token(admin.username(), admin.password())).erase(asha))
        .isEqualTo(204);
    assertThat(csv(s.liaison, "/api/v1/beneficiary-lists/" + id))
        .contains("Bina Stays")
        .doesNotContain("Asha Erased Row");
  }

  private static String csv(Entitled who, String base) {
    var response = who.get(base + "/export?format=csv");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replace("\uFEFF", "");
  }

  private static List<String> xlsxRows(Entitled who, String base) throws Exception {
    var response = who.getBytes(base + "/export?format=xlsx");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
      try (var sheet = workbook.getFirstSheet().openStream()) {
        sheet.forEach((Row row) -> rows.add(row.toString()));
      }
    }
    return rows;
  }
}
