package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

class MemberPagesIntegrationTest extends IntegrationTest {

  @Test
  void aLeaderRegistersAMemberInTheFormAndSeesHerPage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    assertThat(http.get("/members/new").body()).doesNotContain("s.notes");

    Map<String, String> form = member("<script>alert(1)</script> Lakshmi", "1988", "Guntur");
    form.put("village", "Kothapalli");
    form.put("doc[AADHAAR].number", "1234");
    form.put("doc[RATION_CARD].detail", "aay");
    form.put("doc[RATION_CARD].status", "HAVE");
    form.put("languages", "te,ur");
    var saved = http.postForm("/members", form, "/members/new");
    assertThat(saved.statusCode()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    String page = http.get(location.replaceFirst("^https?://[^/]+", "")).body();
    assertThat(http.get(location.replaceFirst("^https?://[^/]+", "") + "/edit").body())
        .contains("value=\"ur\" checked")
        .doesNotContain("value=\"bn\" checked");
    assertThat(page)
        .contains("lang=\"te\">తెలుగు</span>")
        .contains("lang=\"ur\">اردو</span>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Lakshmi")
        .doesNotContain("<script>alert(1)</script>")
        .contains(collective.shortCode().value() + "-000001")
        .contains("AAY")
        .contains("Member registered")
        .contains("id=\"member-history\"")
        .contains("Registered")
        .doesNotContain("MEMBER_REGISTERED");
    assertThat(search(http, "lakshmi")).contains("Kothapalli");
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndExplainsBesideTheField() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    Map<String, String> form = new HashMap<>();
    form.put("name", "Durga");
    form.put("gender", "FEMALE");
    form.put("district", "Nadia");
    form.put("doc[AADHAAR].number", "234567890123");
    var refused = http.postForm("/members", form, "/members/new");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("value=\"Durga\"")
        .contains("id=\"f-yearOfBirth-error\"")
        .contains("last four digits")
        .doesNotContain("234567890123");

    form.put("yearOfBirth", "about 1980");
    form.put("doc[AADHAAR].number", "0123");
    var unreadable = http.postForm("/members", form, "/members/new");
    assertThat(unreadable.statusCode()).isEqualTo(200);
    assertThat(unreadable.body())
        .contains("id=\"f-yearOfBirth-error\"")
        .contains("value=\"about 1980\"")
        .contains("value=\"0123\"");
  }

  @Test
  void theConfidentialProfileIsOnlyOnTheCounsellorsPage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var counsellor = fixtures.user(collective, Role.COUNSELLOR, Role.LEADER);
    var leader = fixtures.user(collective, Role.LEADER);
    Http counsellorBrowser = http();
    counsellorBrowser.signIn(counsellor.username(), counsellor.password());
    Map<String, String> form = member("Rekha", "1990", "Guntur");
    form.put("s.notes", "synthetic: prefers evening calls");
    form.put("s.onArt", "yes");
    var saved = counsellorBrowser.postForm("/members", form, "/members/new");
    String path =
        saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(counsellorBrowser.get(path).body()).contains("prefers evening calls");

    Http leaderBrowser = http();
    leaderBrowser.signIn(leader.username(), leader.password());
    String leaderPage = leaderBrowser.get(path).body();
    assertThat(leaderPage).contains("Rekha").doesNotContain("prefers evening calls");
    assertThat(leaderBrowser.get(path + "/edit").body()).doesNotContain("prefers evening calls");

    var stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http strangerBrowser = http();
    strangerBrowser.signIn(stranger.username(), stranger.password());
    assertThat(strangerBrowser.get(path).statusCode()).isEqualTo(404);
    assertThat(search(strangerBrowser, "Rekha")).doesNotContain(path);
  }

  @Test
  void aStaleEditIsRefusedWithAnExplanation() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    Map<String, String> form = member("Radha", "1979", "Guntur");
    String path =
        http.postForm("/members", form, "/members/new")
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", "");
    form.put("version", "0");
    form.put("village", "First edit");
    assertThat(http.postForm(path, form, path + "/edit").statusCode()).isEqualTo(302);
    form.put("village", "Second edit from an old page");
    var stale = http.postForm(path, form, path);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this member");
    assertThat(http.get(path).body()).contains("First edit");
  }

  @Test
  void registeringTheSamePersonAgainShowsTheLikelyMatchButCanStillSave() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    Map<String, String> form = member("Lakshmi", "1985", "Guntur");
    assertThat(http.postForm("/members", form, "/members/new").statusCode()).isEqualTo(302);

    // The same woman, her name written in Telugu, a year off, in the same district.
    form.put("name", "లక్ష్మి");
    form.put("yearOfBirth", "1986");
    var warned = http.postForm("/members", form, "/members/new");
    assertThat(warned.statusCode()).isEqualTo(200);
    assertThat(warned.body())
        .contains("id=\"likely-same\"")
        .contains(collective.shortCode().value() + "-000001")
        .contains("value=\"లక్ష్మి\"");

    form.put("notDuplicate", "1");
    assertThat(http.postForm("/members", form, "/members/new").statusCode()).isEqualTo(302);

    // A different name in the same district is not flagged.
    form.remove("notDuplicate");
    form.put("name", "Padma");
    assertThat(http.postForm("/members", form, "/members/new").statusCode()).isEqualTo(302);
  }

  @Test
  void theSamePhoneNumberIsFlaggedWhateverTheName() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    Map<String, String> form = member("Durga", "1990", "Nadia");
    form.put("phone", "98300 12345");
    assertThat(http.postForm("/members", form, "/members/new").statusCode()).isEqualTo(302);
    form.put("name", "Rekha");
    form.put("district", "Kolkata");
    form.put("phone", "+91 9830012345");
    var warned = http.postForm("/members", form, "/members/new");
    assertThat(warned.body()).contains("id=\"likely-same\"");
  }

  @Test
  void aLeaderImportsAFileThroughThePages() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    byte[] csv =
        "Name,Gender,Age,District\nLakshmi,F,30,Guntur\nRekha,F,,Guntur\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var uploaded = http.postFile("/members/import", "file", "list.csv", csv, "/members/import");
    assertThat(uploaded.statusCode()).isEqualTo(302);
    String path =
        uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    String mappingPage = http.get(path).body();
    assertThat(mappingPage).contains("list.csv").contains("name=\"field[NAME]\"");

    // Forms no page of ours sends: every one is answered as an incomplete mapping, none with a 500.
    for (Map<String, String> hostile :
        List.of(
            Map.of("field.NAME", "0"),
            Map.of("field[NOPE]", "1"),
            Map.of("field[NAME]", "abc"),
            Map.of("field[NAME]", "99999999999"),
            Map.of("field[NAME]", "-1"),
            Map.of("field", "x"))) {
      assertThat(http.postForm(path + "/mapping", hostile, path).statusCode())
          .as("%s", hostile)
          .isEqualTo(302);
    }
    assertThat(http.get(path).body()).doesNotContain("id=\"import-counts\"");

    Map<String, String> mapping = new HashMap<>();
    mapping.put("field[NAME]", "0");
    mapping.put("field[GENDER]", "1");
    mapping.put("field[AGE]", "2");
    mapping.put("field[DISTRICT]", "3");
    assertThat(http.postForm(path + "/mapping", mapping, path).statusCode()).isEqualTo(302);
    String report = http.get(path).body();
    assertThat(report).contains("id=\"import-counts\"").contains("<td>3</td>");

    assertThat(http.postForm(path + "/run", Map.of("mode", "VALID_ROWS"), path).statusCode())
        .isEqualTo(302);
    String page = "";
    for (int i = 0; i < 100 && !page.contains("import-done"); i++) {
      Thread.sleep(100);
      page = http.get(path).body();
    }
    assertThat(page).contains("id=\"import-done\"");
    assertThat(search(http, "Lakshmi")).contains("Lakshmi");
  }

  @Test
  void aFileInTheWrongEncodingIsRefusedWithWhatToDo() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    byte[] latin1 =
        "Name,Gender\nR\u00e9kha,F\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    var refused = http.postFile("/members/import", "file", "old.csv", latin1, "/members/import");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"import-refused\"").contains("CSV UTF-8");
  }

  private static Map<String, String> member(String name, String yearOfBirth, String district) {
    Map<String, String> form = new HashMap<>();
    form.put("name", name);
    form.put("gender", "FEMALE");
    form.put("yearOfBirth", yearOfBirth);
    form.put("district", district);
    return form;
  }

  @Test
  void aSearchIsPostedSoThatNoNameIsLeftInTheAddressHistoryOrLogs() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String list = http.get("/members").body();
    assertThat(list)
        .contains("method=\"post\" action=\"/members/search\"")
        .doesNotContain("method=\"get\" action=\"/members\"");
    String token = http().token(leader.username(), leader.password());
    String[] names = {"Anjali", "Bhavani", "Chandra", "Devi", "Esha", "Farida", "Gowri"};
    for (int i = 0; i < 27; i++) {
      var created =
          http.postJson(
              "/api/v1/members",
              "{\"name\":\"Synthetic "
                  + names[i % names.length]
                  + " "
                  + (char) ('a' + i)
                  + "x\",\"gender\":\"FEMALE\",\"yearOfBirth\":"
                  + (1960 + i)
                  + ",\"district\":\"Guntur\",\"phone\":\"98765432"
                  + (10 + i)
                  + "\"}",
              "Authorization",
              Http.bearer(token));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    String found =
        http.postForm("/members/search", Map.of("q", "Synthetic", "village", ""), "/members")
            .body();
    // The next page of a search is posted too: no link carries what was typed.
    assertThat(found).contains("name=\"page\" value=\"1\"").doesNotContain("?q=");
    assertThat(found).doesNotContainPattern("href=\"[^\"]*Synthetic");
  }

  private static String search(Http http, String q) {
    return http.postForm("/members/search", Map.of("q", q), "/members").body();
  }
}
