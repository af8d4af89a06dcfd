package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

class HouseholdPagesIntegrationTest extends IntegrationTest {

  @Test
  void aLeaderCreatesAHouseholdFromAMembersPageAndSeesItInRupees() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = signedIn(leader);
    String member = member(leader, "Lakshmi");
    String memberPage = "/members/" + member;
    assertThat(http.get(memberPage).body()).contains("/households/new?member=" + member);

    String newPage = "/households/new?member=" + member;
    assertThat(http.get(newPage).body())
        .contains("Lakshmi")
        .contains("name=\"member\" value=\"" + member + "\"");
    Map<String, String> form = new HashMap<>();
    form.put("member", member);
    form.put("headMemberId", member);
    form.put("housing", "EVICTION_THREAT");
    form.put("monthlyRent", "3,000");
    form.put("electricityArrears", "1,25,000");
    form.put("income", "DOMESTIC_WORK");
    form.put("village", "Kothapeta");
    form.put("dependents[1].kind", "CHILD");
    form.put("dependents[1].name", "<script>alert(1)</script> Chinni");
    form.put("dependents[1].age", "8");
    form.put("dependents[1].inSchool", "yes");
    var saved = http.postForm("/households", form, newPage);
    assertThat(saved.statusCode()).isEqualTo(302);
    String path = location(saved);

    String page = http.get(path).body();
    assertThat(page)
        .contains("Household created.")
        .contains("₹1,25,000")
        .contains("₹3,000")
        .contains("Facing eviction")
        .contains("Domestic work")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Chinni")
        .doesNotContain("<script>alert(1)</script>")
        .contains("href=\"/members/" + member + "\"")
        .contains("8 years");
    assertThat(http.get(memberPage).body())
        .contains("href=\"" + path + "\"")
        .doesNotContain("/households/new?member=");
    assertThat(location(http.get(newPage))).isEqualTo(path);
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndExplainsBesideTheField() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = signedIn(leader);
    String member = member(leader, "Durga");
    String newPage = "/households/new?member=" + member;
    Map<String, String> form = new HashMap<>();
    form.put("candidates", member);
    form.put("member", member);
    form.put("housing", "RENTED");
    form.put("monthlyRent", "lots");
    form.put("dependents[2].kind", "ELDERLY");
    form.put("dependents[2].name", "Nani");
    form.put("dependents[2].age", "abc");
    var refused = http.postForm("/households", form, newPage);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("value=\"lots\"")
        .contains("id=\"f-monthlyRent-error\"")
        .contains("Enter an amount in rupees")
        .contains("id=\"f-dependents[0].age-error\"")
        .contains("value=\"Nani\"")
        .contains("Durga");
  }

  @Test
  void anotherCollectiveSeesNoHouseholdPageNorForm() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = signedIn(leader);
    String member = member(leader, "Padma");
    String newPage = "/households/new?member=" + member;
    Map<String, String> form = new HashMap<>();
    form.put("member", member);
    form.put("housing", "OWN");
    String path = location(http.postForm("/households", form, newPage));

    var stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http other = signedIn(stranger);
    assertThat(other.get(path).statusCode()).isEqualTo(404);
    assertThat(other.get(path + "/edit").statusCode()).isEqualTo(404);
    assertThat(other.get(newPage).statusCode()).isEqualTo(404);
    var change = other.postForm(path, Map.of("housing", "NO_HOME", "version", "0"), "/account");
    assertThat(change.statusCode()).isEqualTo(404);
    assertThat(http.get(path).body()).contains("Own home");
  }

  @Test
  void aStaleEditIsRefusedWithAnExplanation() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = signedIn(leader);
    String member = member(leader, "Radha");
    Map<String, String> form = new HashMap<>();
    form.put("member", member);
    form.put("housing", "RENTED");
    String path = location(http.postForm("/households", form, "/households/new?member=" + member));
    assertThat(http.get(path + "/edit").body()).contains("name=\"version\" value=\"0\"");

    form.put("version", "0");
    form.put("village", "First edit");
    assertThat(http.postForm(path, form, path + "/edit").statusCode()).isEqualTo(302);
    form.put("village", "Second edit from an old page");
    var stale = http.postForm(path, form, path);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this household");
    assertThat(http.get(path).body()).contains("First edit");
  }

  private Http signedIn(Fixtures.TestUser user) {
    Http http = http();
    http.signIn(user.username(), user.password());
    return http;
  }

  private String member(Fixtures.TestUser user, String name) {
    String token = http().token(user.username(), user.password());
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\""
                    + name
                    + "\",\"gender\":\"FEMALE\",\"yearOfBirth\":1986,\"district\":\"Nadia\"}",
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).isEqualTo(201);
    return HouseholdApiIntegrationTest.field(response.body(), "id");
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceFirst("^https?://[^/]+", "");
  }
}
