package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.Pages;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

class EntitlementPagesIntegrationTest extends IntegrationTest {

  @Test
  void aLeaderSeesWhatIsMissingAndRecordsEachStepOnTheMembersPage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    String member = Pages.registerMember(browser);
    String base = "/members/" + member + "/entitlements";
    assertThat(browser.get("/members/" + member).body()).contains("href=\"" + base + "\"");

    String page = browser.get(base).body();
    String voter = schemeId(leader, "VOTER_ID");
    assertThat(page)
        .contains("Voter ID card (EPIC)", "Andhra Pradesh rice card")
        .contains("class=\"tag warn missing\">Aadhaar")
        .doesNotContain("West Bengal ration card");

    Map<String, String> step = new LinkedHashMap<>();
    step.put("scheme", voter);
    step.put("status", "APPLIED");
    step.put("on", "tomorrow");
    step.put("version", "");
    var refused = browser.postForm(base, step, base);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter a date as year-month-day");

    step.put("on", "2026-01-15");
    var saved = browser.postForm(base, step, base);
    assertThat(Pages.location(saved)).startsWith(base);
    assertThat(browser.get(base).body())
        .contains("id=\"status-" + voter + "\">Applied<", "2026-01-15");
    String history = browser.get(base + "/" + voter).body();
    assertThat(history).contains("Applied", leader.username(), "Voter ID card (EPIC)");

    step.put("status", "GRANTED");
    step.put("version", "");
    var stale = browser.postForm(base, step, base);
    assertThat(stale.statusCode()).as("a second step needs the version read").isEqualTo(200);
    step.put("version", "0");
    assertThat(Pages.location(browser.postForm(base, step, base))).startsWith(base);
    assertThat(browser.get("/members/" + member).body()).contains("Document recorded");

    String catalogue = browser.get("/entitlements").body();
    assertThat(catalogue).contains("Voter ID card (EPIC)", "Granted: 1");

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http other = http();
    other.signIn(stranger.username(), stranger.password());
    assertThat(other.get(base).statusCode()).isEqualTo(404);
    assertThat(other.get(base + "/" + voter).statusCode()).isEqualTo(404);
  }

  @Test
  void anAdminAddsALocalSchemeInTheFormInTelugu() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    Http browser = http();
    browser.signIn(admin.username(), admin.password());
    assertThat(browser.get("/entitlements").body()).contains("id=\"add-scheme\"");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("code", "x");
    form.put("nameTe", "గుంటూరు సహాయం");
    form.put("level", "STATE");
    form.put("state", "");
    form.put("documents", "AADHAAR,RATION_CARD");
    var refused = browser.postForm("/entitlements/schemes", form, "/entitlements/schemes/new");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("f-code-error", "value=\"గుంటూరు సహాయం\"")
        .contains("value=\"AADHAAR\" checked");
    form.put("code", "GUNTUR_HELP");
    form.put("state", "Andhra Pradesh");
    form.put("perHousehold", "true");
    var saved = browser.postForm("/entitlements/schemes", form, "/entitlements/schemes/new");
    assertThat(Pages.location(saved)).isEqualTo("/entitlements");
    String catalogue = browser.get("/entitlements").body();
    assertThat(catalogue).contains("గుంటూరు సహాయం", "Your own");

    var leader = fixtures.user(collective, Role.LEADER);
    String json = http().get("/api/v1/schemes", "Authorization", Http.bearer(token(leader))).body();
    assertThat(Json.list(json, "$[?(@.code == 'GUNTUR_HELP')].documents"))
        .containsExactly(List.of("AADHAAR", "RATION_CARD"));
    assertThat(Json.list(json, "$[?(@.code == 'GUNTUR_HELP')].perHousehold")).containsExactly(true);
  }

  private String schemeId(org.sahay.Fixtures.TestUser user, String code) {
    String json = http().get("/api/v1/schemes", "Authorization", Http.bearer(token(user))).body();
    return (String) Json.list(json, "$[?(@.code == '" + code + "')].id").get(0);
  }

  private String token(org.sahay.Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }
}
