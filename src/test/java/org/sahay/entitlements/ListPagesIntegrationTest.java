package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Pages;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class ListPagesIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  @Test
  void aLeaderSendsAListAndTheOfficeAcknowledgesItAndTheLockedFileNeedsItsPassword()
      throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var leaderUser = fixtures.user(collective, Role.LEADER);
    Entitled api = new Entitled(http(), http().token(leaderUser.username(), leaderUser.password()));
    String agreed = api.member("Lakshmi Agreed");
    api.member("Padma Not Asked");
    api.post(
        "/api/v1/members/" + agreed + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");

    Http leader = http();
    leader.signIn(leaderUser.username(), leaderUser.password());
    String form = leader.get("/entitlements/lists/new").body();
    assertThat(form).contains(office.name(), "District collectorate relief list (English)");
    Map<String, String> list = new LinkedHashMap<>();
    list.put("office", office.id().toString());
    list.put("template", "1157e000-0000-4000-8000-000000000001");
    list.put("title", "");
    list.put("without", "RATION_CARD");
    list.put("drive", "");
    list.put("codes", "");
    list.put("scheme", "");
    var refused = leader.postForm("/entitlements/lists", list, "/entitlements/lists/new");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("f-title-error");
    list.put("title", "Relief list for the collectorate");
    String page =
        Pages.location(leader.postForm("/entitlements/lists", list, "/entitlements/lists/new"));
    String shown = leader.get(page).body();
    assertThat(shown)
        .contains("The list is made and logged as sent.", "id=\"list-rows\">1<")
        .contains("Padma Not Asked", "Lakshmi Agreed");
    assertThat(shown.substring(shown.indexOf("id=\"rows\""), shown.indexOf("id=\"left-out\"")))
        .contains("Lakshmi Agreed")
        .doesNotContain("Padma Not Asked");

    String locked = leader.get(page + "/locked").body();
    Matcher password =
        Pattern.compile("id=\"password\"><strong lang=\"en\">([^<]+)<").matcher(locked);
    assertThat(password.find()).isTrue();
    assertThat(
            leader
                .postFormBytes(page + "/locked.xlsx", Map.of("password", "short"), page + "/locked")
                .statusCode())
        .as("a password the page did not make")
        .isEqualTo(400);
    byte[] file = postForBytes(leader, page + "/locked.xlsx", password.group(1), page + "/locked");
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
      Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
      assertThat(decryptor.verifyPassword("not the password")).isFalse();
      assertThat(decryptor.verifyPassword(password.group(1))).isTrue();
      try (InputStream xlsx = decryptor.getDataStream(fs);
          var workbook = new ReadableWorkbook(xlsx);
          var rows = workbook.getFirstSheet().openStream()) {
        assertThat(rows.map(Object::toString).toList())
            .hasSize(2)
            .last()
            .asString()
            .contains("Lakshmi Agreed");
      }
    }
    assertThatThrownBy(() -> new ReadableWorkbook(new ByteArrayInputStream(file)).getFirstSheet())
        .as("the locked file does not open as a spreadsheet without its password");

    var liaisonUser = fixtures.user(office, Role.DISTRICT_LIAISON);
    Http liaison = http();
    liaison.signIn(liaisonUser.username(), liaisonUser.password());
    assertThat(liaison.get("/").statusCode()).isEqualTo(200);
    assertThat(liaison.get("/entitlements/lists").body())
        .contains("Relief list for the collectorate", collective.name());
    String received = liaison.get(page).body();
    assertThat(received).contains("id=\"acknowledge\"").doesNotContain("Padma Not Asked");
    var acknowledged = liaison.postForm(page + "/acknowledgement", Map.of(), page);
    assertThat(Pages.location(acknowledged)).isEqualTo(page);
    assertThat(liaison.get(page).body())
        .contains("Acknowledged.")
        .doesNotContain("id=\"acknowledge\"");
    assertThat(liaison.get(page + "/export?format=csv").body()).contains("Lakshmi Agreed");
    assertThat(liaison.get("/members").statusCode()).isIn(403, 404);
    assertThat(liaison.get("/entitlements/drives").statusCode()).isIn(403, 404);
  }

  @Test
  void aCollectiveAddsAnOfficesFormatOnAPageAndItsListsFollowIt() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var user = fixtures.user(collective, Role.ORG_ADMIN);
    Http browser = http();
    browser.signIn(user.username(), user.password());
    String form = browser.get("/entitlements/lists/templates/new").body();
    assertThat(form).contains("cols[2].heading");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "Block office format");
    fields.put("dateFormat", "someday");
    fields.put("language", "hi");
    fields.put("cols[0].column", "SERIAL");
    fields.put("cols[0].order", "1");
    fields.put("cols[0].heading", "क्र.");
    fields.put("cols[2].column", "NAME");
    fields.put("cols[2].order", "2");
    fields.put("cols[2].heading", "नाम");
    var refused =
        browser.postForm(
            "/entitlements/lists/templates", fields, "/entitlements/lists/templates/new");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("f-dateFormat-error", "value=\"नाम\"");
    fields.put("dateFormat", "dd.MM.yyyy");
    var saved =
        browser.postForm(
            "/entitlements/lists/templates", fields, "/entitlements/lists/templates/new");
    assertThat(Pages.location(saved)).isEqualTo("/entitlements/lists/new");
    assertThat(browser.get("/entitlements/lists/new").body()).contains("Block office format");

    Entitled api = new Entitled(http(), http().token(user.username(), user.password()));
    String template =
        (String)
            org.sahay.Json.list(
                    api.get("/api/v1/beneficiary-list-templates").body(),
                    "$[?(@.name == 'Block office format')].id")
                .get(0);
    String member = api.member("Format Member");
    api.post(
        "/api/v1/members/" + member + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");
    var made =
        api.post(
            "/api/v1/beneficiary-lists",
            "{\"template\":\"%s\",\"office\":\"%s\",\"title\":\"t\",\"without\":\"AADHAAR\"}"
                .formatted(template, office.id()));
    String csv =
        api.get(
                "/api/v1/beneficiary-lists/"
                    + org.sahay.Json.text(made.body(), "$.list.id")
                    + "/export?format=csv")
            .body()
            .replace("\uFEFF", "");
    assertThat(csv.lines().toList()).containsExactly("क्र.,नाम", "1,Format Member");
    var other = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Entitled stranger = new Entitled(http(), http().token(other.username(), other.password()));
    assertThat(stranger.get("/api/v1/beneficiary-list-templates").body())
        .doesNotContain("Block office format");
  }

  /** Posts the password form the page offers and answers the file's bytes. */
  private byte[] postForBytes(Http browser, String path, String password, String csrfFrom)
      throws Exception {
    var response = browser.postFormBytes(path, Map.of("password", password), csrfFrom);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
