package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MemberExportIntegrationTest extends IntegrationTest {

  private static final String SECRET_NOTE = "synthetic note: prefers evening calls";
  private static final List<String> CONFIDENTIAL =
      List.of(
          "occupation",
          "sex_work",
          "trafficking_survivor",
          "hiv_status",
          "on_art",
          "health_conditions",
          "lgbtq",
          "notes");

  @Autowired private JdbcClient jdbc;
  @Autowired private Members members;

  @Test
  void aLeaderExportsTheCollectiveAsCsvThatSaysWhoWhenAndWhy() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    String token = token(leader);
    String id =
        field(
            register(
                    token,
                    "{\"name\":\"లక్ష్మి\",\"alias\":\"Lakshmi\",\"gender\":\"FEMALE\","
                        + "\"yearOfBirth\":1984,\"phone\":\"9876543210\",\"district\":\"Guntur\","
                        + "\"block\":\"Tenali\",\"village\":\"Kothapalli\","
                        + "\"joinedOn\":\"2020-04-01\",\"documents\":["
                        + "{\"type\":\"AADHAAR\",\"status\":\"HAVE\",\"number\":\"1234\"},"
                        + "{\"type\":\"RATION_CARD\",\"status\":\"HAVE\",\"detail\":\"AAY\"}]}")
                .body(),
            "id");
    http()
        .postJson(
            "/api/v1/members/" + id + "/consents",
            "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}",
            "Authorization",
            Http.bearer(token));
    register(token, member("Durga", null));

    LocalDate before = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    var response = export(token, "csv", "ration drive list, ward 4", false);
    LocalDate after = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    String prefix = "attachment; filename=\"members-" + collective.shortCode().value() + "-";
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .isIn(prefix + day(before) + ".csv\"", prefix + day(after) + ".csv\"");
    assertThat(response.headers().firstValue("X-Sahay-Export").orElseThrow())
        .contains("exported-by=" + leader.username())
        .containsPattern("at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
        .contains("reason=ration%20drive%20list%2C%20ward%204");
    byte[] body = response.body();
    assertThat(body[0]).isEqualTo((byte) 0xEF);
    assertThat(body[1]).isEqualTo((byte) 0xBB);
    assertThat(body[2]).isEqualTo((byte) 0xBF);

    Table table = csv(body);
    assertThat(table.header())
        .containsExactly(
            "code",
            "name",
            "alias",
            "gender",
            "birth_year",
            "phone",
            "district",
            "block",
            "village",
            "status",
            "joined_on",
            "documents",
            "consents");
    assertThat(table.rows()).hasSize(2);
    CSVRecord lakshmi = table.rows().get(0);
    assertThat(lakshmi.values())
        .containsExactly(
            collective.shortCode().value() + "-000001",
            "లక్ష్మి",
            "Lakshmi",
            "FEMALE",
            "1984",
            "9876543210",
            "Guntur",
            "Tenali",
            "Kothapalli",
            "ACTIVE",
            "2020-04-01",
            "AADHAAR:HAVE 1234; RATION_CARD:HAVE AAY",
            "SHARE_WITH_DISTRICT:GRANTED");
    assertThat(table.rows().get(1).get("name")).isEqualTo("Durga");
  }

  @Test
  void anXlsxExportHasTheMembersAndASheetAboutWhoWhenAndWhy() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    String token = token(leader);
    register(token, member("Padma", "9000000001"));
    register(token, member("লক্ষ্মী", null));

    var response = export(token, "xlsx", "quarterly report to the network", false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .endsWith(".xlsx\"");
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
      var sheets = workbook.getSheets().toList();
      assertThat(sheets).extracting(s -> s.getName()).containsExactly("Members", "About");
      List<Row> rows = sheets.get(0).read();
      assertThat(rows).hasSize(3);
      assertThat(rows.get(0).getCellText(0)).isEqualTo("code");
      assertThat(rows.get(0).getCellCount()).isEqualTo(13);
      assertThat(rows.get(1).getCellText(0)).isEqualTo(collective.shortCode().value() + "-000001");
      assertThat(rows.get(1).getCellText(1)).isEqualTo("Padma");
      assertThat(rows.get(1).getCellText(4)).isEqualTo("1984");
      assertThat(rows.get(1).getCellText(5)).isEqualTo("9000000001");
      assertThat(rows.get(2).getCellText(1)).isEqualTo("লক্ষ্মী");
      Map<String, String> about = new HashMap<>();
      for (Row row : sheets.get(1).read()) {
        about.put(row.getCellText(0), row.getCellText(1));
      }
      assertThat(about)
          .containsEntry("Exported by", leader.username())
          .containsEntry("Reason", "quarterly report to the network")
          .containsEntry("Collective", collective.shortCode().value())
          .containsEntry("Members", "2")
          .containsEntry("Confidential columns", "not included");
      assertThat(about.get("Exported at (UTC)")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
    }
  }

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String token = token(fixtures.user(collective, Role.LEADER));
    register(
        token,
        "{\"name\":\"=HYPERLINK(\\\"http://x\\\")\",\"alias\":\"+91 trick\",\"gender\":\"FEMALE\","
            + "\"yearOfBirth\":1990,\"district\":\"@Guntur\",\"village\":\"-1+2\"}");

    CSVRecord row = csv(export(token, "csv", "check of the list", false).body()).rows().get(0);
    assertThat(row.get("name")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(row.get("alias")).isEqualTo("'+91 trick");
    assertThat(row.get("district")).isEqualTo("'@Guntur");
    assertThat(row.get("village")).isEqualTo("'-1+2");

    var xlsx = export(token, "xlsx", "=cmd|' /C calc'!A0", false);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Row member = workbook.getFirstSheet().read().get(1);
      assertThat(member.getCell(1).getType()).isEqualTo(CellType.STRING);
      assertThat(member.getCell(1).getFormula()).isNull();
      assertThat(member.getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
      assertThat(member.getCellText(2)).isEqualTo("'+91 trick");
      Row reason =
          workbook.findSheet("About").orElseThrow().read().stream()
              .filter(r -> r.getCellText(0).equals("Reason"))
              .findFirst()
              .orElseThrow();
      assertThat(reason.getCell(1).getFormula()).isNull();
      assertThat(reason.getCellText(1)).isEqualTo("'=cmd|' /C calc'!A0");
    }
  }

  @Test
  void confidentialColumnsAreLeftOutByDefaultRefusedToALeaderAndGivenToACounsellorWhoAsks()
      throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var counsellor = fixtures.user(collective, Role.COUNSELLOR, Role.LEADER);
    String counsellorToken = token(counsellor);
    String leaderToken = token(fixtures.user(collective, Role.LEADER));
    register(
        counsellorToken,
        "{\"name\":\"Rekha\",\"gender\":\"FEMALE\",\"yearOfBirth\":1986,\"district\":\"Guntur\","
            + "\"sensitive\":{\"hivStatus\":\"positive\",\"onArt\":true,\"sexWork\":true,"
            + "\"notes\":\""
            + SECRET_NOTE
            + "\"}}");

    for (String token : List.of(counsellorToken, leaderToken)) {
      var plain = export(token, "csv", "ration list", false);
      String text = new String(plain.body(), StandardCharsets.UTF_8);
      assertThat(text).contains("Rekha").doesNotContain(SECRET_NOTE).doesNotContain("positive");
      assertThat(csv(plain.body()).header()).doesNotContainAnyElementsOf(CONFIDENTIAL);
    }

    long auditedBefore = exportsAudited(collective);
    var refused = export(leaderToken, "csv", "I want to see everything", true);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET_NOTE);
    assertThat(exportsAudited(collective)).isEqualTo(auditedBefore);

    assertThat(export(counsellorToken, "csv", "", true).statusCode()).isEqualTo(400);

    var full = export(counsellorToken, "csv", "referral to the ART centre", true);
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.headers().firstValue("X-Sahay-Export").orElseThrow())
        .contains("confidential-columns=yes");
    Table table = csv(full.body());
    assertThat(table.header()).containsSubsequence(CONFIDENTIAL);
    CSVRecord rekha = table.rows().get(0);
    assertThat(rekha.get("hiv_status")).isEqualTo("positive");
    assertThat(rekha.get("on_art")).isEqualTo("yes");
    assertThat(rekha.get("sex_work")).isEqualTo("yes");
    assertThat(rekha.get("trafficking_survivor")).isEmpty();
    assertThat(rekha.get("notes")).isEqualTo(SECRET_NOTE);
    assertThat(latestExportSummary(collective)).contains("confidential columns included");

    var xlsx = export(counsellorToken, "xlsx", "referral to the ART centre", true);
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(20)).isEqualTo("notes");
      assertThat(rows.get(1).getCellText(20)).isEqualTo(SECRET_NOTE);
    }
  }

  @Test
  void anExportWithoutAReasonOrWithAnUnknownFormatIsRefusedWithFieldErrors() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String token = token(fixtures.user(collective, Role.LEADER));
    register(token, member("Radha", "9123456780"));

    for (String reason : new String[] {null, "", "   \n\t ", "x".repeat(201)}) {
      var refused = export(token, "csv", reason, false);
      String body = new String(refused.body(), StandardCharsets.UTF_8);
      assertThat(refused.statusCode()).as(String.valueOf(reason)).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(body)
          .contains("\"errors\"")
          .contains("\"reason\":\"Say why you are exporting")
          .doesNotContain("Radha")
          .doesNotContain("9123456780");
    }
    var badFormat = export(token, "pdf", "a good reason", false);
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(new String(badFormat.body(), StandardCharsets.UTF_8))
        .contains("\"format\":\"Choose CSV or XLSX.\"");
    assertThat(export(token, "csv", "x".repeat(200), false).statusCode()).isEqualTo(200);
    assertThat(exportsAudited(collective)).isEqualTo(1);
  }

  @Test
  void anotherCollectivesLeaderGetsOnlyTheirOwnMembers() throws Exception {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var theirs = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String ourToken = token(fixtures.user(ours, Role.LEADER));
    String theirToken = token(fixtures.user(theirs, Role.LEADER));
    register(ourToken, member("Parvati", "9111111111"));
    register(theirToken, member("Meena", "9222222222"));

    var theirExport = export(theirToken, "csv", "our own list", false);
    String text = new String(theirExport.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Meena")
        .contains(theirs.shortCode().value())
        .doesNotContain("Parvati")
        .doesNotContain("9111111111")
        .doesNotContain(ours.shortCode().value());
    assertThat(theirExport.headers().firstValue("Content-Disposition").orElseThrow())
        .contains(theirs.shortCode().value());
    assertThat(exportsAudited(ours)).isZero();
    assertThat(exportsAudited(theirs)).isEqualTo(1);

    var admin = fixtures.systemAdmin();
    String systemToken = http().token(admin.username(), admin.password());
    assertThat(export(systemToken, "csv", "curious", false).statusCode()).isEqualTo(404);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    String funderToken = token(fixtures.user(funder, Role.FUNDER_VIEWER));
    var funderExport = export(funderToken, "csv", "curious", false);
    assertThat(funderExport.statusCode()).isEqualTo(403);
    assertThat(new String(funderExport.body(), StandardCharsets.UTF_8)).doesNotContain("Parvati");
  }

  @Test
  void everyExportIsInTheAuditLogWithFormatRowsConfidentialityAndTheReason() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    String token = token(leader);
    register(token, member("Kamala", null));
    register(token, member("Sita", null));
    String longReason = "list for the district food security cell, ".repeat(4).strip();
    assertThat(longReason.length()).isGreaterThan(100);

    export(token, "csv", "ration drive", false);
    export(token, "xlsx", longReason, false);

    var entries =
        jdbc.sql(
                "select actor, summary, entity_id from audit_entry where organisation_id = :org"
                    + " and action = 'MEMBERS_EXPORTED' order by occurred_at, id")
            .param("org", collective.id().value())
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get(0)).isEqualTo(leader.username());
    assertThat(entries.get(0).get(1))
        .isEqualTo("CSV, 2 rows, without confidential columns, reason: ration drive");
    assertThat(entries.get(1).get(1))
        .startsWith("XLSX, 2 rows, without confidential columns, reason: ")
        .endsWith(": " + longReason.substring(0, 100));
    assertThat(entries.get(1).get(2)).isEqualTo(collective.id().toString());
  }

  @Test
  void erasedMembersAreNotExported() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String kept = field(register(admin, member("Anjali", "9333333333")).body(), "id");
    String erased = field(register(admin, member("Bhavani", "9444444444")).body(), "id");
    var deleted =
        http()
            .send(
                "DELETE",
                "/api/v1/members/" + erased + "?reason=MEMBER_REQUEST",
                null,
                "Authorization",
                Http.bearer(admin));
    assertThat(deleted.statusCode()).isEqualTo(204);

    List<CSVRecord> rows = csv(export(admin, "csv", "annual list", false).body()).rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("name")).isEqualTo("Anjali");
    assertThat(rows.get(0).get("code")).isEqualTo(collective.shortCode().value() + "-000001");
    assertThat(
            new String(export(admin, "csv", "annual list", false).body(), StandardCharsets.UTF_8))
        .doesNotContain("Bhavani")
        .doesNotContain("9444444444")
        .doesNotContain(collective.shortCode().value() + "-000002");
    assertThat(kept).isNotBlank();
  }

  @Test
  void aCollectiveLargerThanOnePageIsExportedWholeAndInCodeOrder() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    for (int i = 0; i < 1003; i++) {
      var outcome =
          members.register(
              leader.actor(),
              MemberInputs.member("Member " + i)
                  .yearOfBirth(1980 + i % 20)
                  .district("Guntur")
                  .build());
      assertThat(outcome).isInstanceOf(Members.Outcome.Saved.class);
    }
    String token = token(leader);

    List<CSVRecord> rows = csv(export(token, "csv", "full list", false).body()).rows();
    assertThat(rows).hasSize(1003);
    List<String> codes = new ArrayList<>();
    for (CSVRecord r : rows) {
      codes.add(r.get("code"));
    }
    assertThat(codes).isSorted().doesNotHaveDuplicates();
    assertThat(codes.get(1002)).isEqualTo(collective.shortCode().value() + "-001003");

    try (var workbook =
        new ReadableWorkbook(
            new ByteArrayInputStream(export(token, "xlsx", "full list", false).body()))) {
      assertThat(workbook.getFirstSheet().read()).hasSize(1004);
    }
  }

  @Test
  void theExportPageAsksForAReasonAndDownloadsTheFile() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    register(token(leader), member("Gowri", "9555555555"));

    assertThat(http.get("/members").body()).contains("href=\"/members/export\"");
    String form = http.get("/members/export").body();
    assertThat(form)
        .contains("name=\"reason\"")
        .contains("name=\"format\"")
        .contains("name=\"_csrf\"")
        .doesNotContain("name=\"sensitive\"");

    var missing =
        http.postForm("/members/export", Map.of("format", "csv", "reason", " "), "/members/export");
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(missing.body())
        .contains("id=\"f-reason-error\"")
        .contains("Say why you are exporting")
        .doesNotContain("Gowri");

    var forged =
        http.postForm(
            "/members/export",
            Map.of("format", "csv", "reason", "just looking", "sensitive", "1"),
            "/members/export");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body())
        .contains("not allowed to export confidential columns")
        .doesNotContain("Gowri");

    var download =
        http.postForm(
            "/members/export",
            Map.of("format", "csv", "reason", "list for the ration drive"),
            "/members/export");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"members-" + collective.shortCode().value());
    assertThat(download.headers().firstValue("X-Sahay-Export").orElseThrow())
        .contains(leader.username());
    assertThat(download.body()).contains("Gowri").contains("9555555555");
    assertThat(latestExportSummary(collective)).endsWith("reason: list for the ration drive");

    assertThat(
            http.postForm("/members/export", Map.of("format", "csv", "reason", "no token"), null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aCounsellorSeesTheConfidentialChoiceOnTheExportPage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var counsellor = fixtures.user(collective, Role.COUNSELLOR);
    Http http = http();
    http.signIn(counsellor.username(), counsellor.password());
    assertThat(http.get("/members/export").body()).contains("name=\"sensitive\"");
    var admin = fixtures.systemAdmin();
    Http system = http();
    system.signIn(admin.username(), admin.password());
    assertThat(system.get("/members/export").statusCode()).isEqualTo(404);
  }

  private HttpResponse<byte[]> export(String token, String format, String reason, boolean sensitive)
      throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder("/api/v1/exports/members?format=").append(format);
    if (reason != null) {
      query.append("&reason=").append(URLEncoder.encode(reason, StandardCharsets.UTF_8));
    }
    if (sensitive) {
      query.append("&sensitive=true");
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(http().uri(query.toString()))
                .header("Authorization", Http.bearer(token))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A CSV file as a program reads it: the header, then rows with columns by name. */
  private record Table(List<String> header, List<CSVRecord> rows) {}

  private static Table csv(byte[] body) throws IOException {
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    try (var parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text.substring(1)))) {
      return new Table(parser.getHeaderNames(), parser.getRecords());
    }
  }

  private long exportsAudited(Organisation organisation) {
    return jdbc.sql(
            "select count(*) from audit_entry where organisation_id = :org"
                + " and action = 'MEMBERS_EXPORTED'")
        .param("org", organisation.id().value())
        .query(Long.class)
        .single();
  }

  private String latestExportSummary(Organisation organisation) {
    return jdbc.sql(
            "select summary from audit_entry where organisation_id = :org"
                + " and action = 'MEMBERS_EXPORTED' order by occurred_at desc, id desc limit 1")
        .param("org", organisation.id().value())
        .query(String.class)
        .single();
  }

  private String token(Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }

  private HttpResponse<String> register(String token, String json) {
    var response = http().postJson("/api/v1/members", json, "Authorization", Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }

  private static String member(String name, String phone) {
    return "{\"name\":\""
        + name
        + "\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\""
        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
        + "}";
  }

  private static String day(LocalDate date) {
    return DateTimeFormatter.ofPattern("yyyyMMdd").format(date);
  }

  private static String field(String json, String name) {
    return MemberApiIntegrationTest.field(json, name);
  }
}
