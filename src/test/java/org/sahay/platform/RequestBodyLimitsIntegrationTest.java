package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/**
 * Bodies are capped before anything reads them, access is checked before a large body is parsed,
 * and spreadsheets are checked for what they expand to before a reader sees them.
 */
class RequestBodyLimitsIntegrationTest extends IntegrationTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Test
  void aJsonBodyOverTheCapIsRefusedUnreadWithOrWithoutADeclaredLength() throws Exception {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    String huge = "{\"name\":\"" + "x".repeat(3_000_000) + "\"}";

    var declared = http.postJson("/api/v1/members", huge, "Authorization", Http.bearer(token));
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("larger than Sahay accepts");

    var chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(http.uri("/api/v1/members"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Http.bearer(token))
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("larger than Sahay accepts");
  }

  @Test
  void whoeverMayNotRegisterMembersIsRefusedBeforeTheirBodyIsParsed() {
    var funder = fixtures.user(fixtures.organisation(OrganisationKind.FUNDER), Role.FUNDER_VIEWER);
    Http http = http();
    String token = http.token(funder.username(), funder.password());
    // Not JSON at all: a 400 would mean it was parsed; 403 means it was never read.
    var refused =
        http.postJson("/api/v1/members", "{{{{ not json", "Authorization", Http.bearer(token));
    assertThat(refused.statusCode()).isEqualTo(403);
    var form =
        http.postBytes(
            "/api/v1/forms",
            XLSX,
            "not a workbook".getBytes(),
            "Authorization",
            Http.bearer(token));
    assertThat(form.statusCode()).isEqualTo(403);
  }

  @Test
  void aZipBombOrAHugeSheetAsAnXlsFormIsRefusedWithAClearMessageUnparsed() throws Exception {
    var admin = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http http = http();
    String token = http.token(admin.username(), admin.password());
    byte[] bomb = bomb(120);
    assertThat(bomb.length).isLessThan(400_000);
    var refused = http.postBytes("/api/v1/forms", XLSX, bomb, "Authorization", Http.bearer(token));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("too large for a questionnaire");

    var tall =
        http.postBytes("/api/v1/forms", XLSX, rows(6000), "Authorization", Http.bearer(token));
    assertThat(tall.statusCode()).isEqualTo(422);
    assertThat(tall.body()).contains("too large for a questionnaire");
  }

  @Test
  void aZipBombAsAMemberImportIsRefusedWithAClearMessage() throws Exception {
    var admin = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN);
    Http http = http();
    http.signIn(admin.username(), admin.password());
    var refused =
        http.postFile("/members/import", "file", "members.xlsx", bomb(120), "/members/import");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("expands to far more than an import may hold");
  }

  /** A workbook-looking zip whose one sheet inflates to {@code megabytes} of zeros. */
  private static byte[] bomb(int megabytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A real XLSForm-shaped workbook whose survey sheet has {@code count} rows. */
  private static byte[] rows(int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "Sahay", "1.0");
    Worksheet survey = workbook.newWorksheet("survey");
    survey.value(0, 0, "type");
    survey.value(0, 1, "name");
    survey.value(0, 2, "label");
    for (int i = 1; i <= count; i++) {
      survey.value(i, 0, "text");
      survey.value(i, 1, "q" + i);
      survey.value(i, 2, "Question " + i);
    }
    workbook.newWorksheet("settings").value(0, 0, "form_id");
    workbook.finish();
    return out.toByteArray();
  }
}
