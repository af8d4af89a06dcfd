package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A district list as an office opens it: the exported XLSX converted to CSV by LibreOffice
 * (Debian's libreoffice-calc-nogui, headless, installed by .ci/run) keeps every row and the Telugu
 * and Bengali text; the locked XLSX does not open without its password.
 */
class SpreadsheetRoundTripIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  @TempDir Path dir;

  @Test
  void libreOfficeReadsEveryRowAndScriptAndCannotOpenTheLockedFile() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    List<String> names = List.of("లక్ష్మి పరీక్ష", "সুমিতা পরীক্ষা", "Kavita Test", "దుర్గ పరీక్ష");
    for (String name : names) {
      String member = leader.member(name);
      leader.post(
          "/api/v1/members/" + member + "/consents",
          "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");
    }
    var made =
        leader.post(
            "/api/v1/beneficiary-lists",
            """
            {"template":"1157e000-0000-4000-8000-000000000002","office":"%s",
             "title":"round trip","without":"RATION_CARD"}
            """
                .formatted(office.id()));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String base = "/api/v1/beneficiary-lists/" + Json.text(made.body(), "$.list.id");

    Path xlsx = dir.resolve("list.xlsx");
    Files.write(xlsx, leader.getBytes(base + "/export?format=xlsx").body());
    String csv = Files.readString(convert(xlsx), StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(names.size() + 1);
    assertThat(csv).contains("లబ్ధిదారు పేరు");
    for (String name : names) {
      assertThat(csv).contains(name);
    }

    var locked = leader.getBytes(base + "/export?format=protected-xlsx");
    assertThat(locked.headers().firstValue("X-File-Password")).isPresent();
    Path protectedFile = dir.resolve("locked.xlsx");
    Files.write(protectedFile, locked.body());
    Path out = dir.resolve("locked-out");
    run(protectedFile, out);
    assertThat(out.resolve("locked.csv")).as("no password, no spreadsheet").doesNotExist();
  }

  /** LibreOffice headless: the file as UTF-8 CSV, beside a profile of its own. */
  private Path convert(Path xlsx) throws Exception {
    Path out = dir.resolve("out");
    run(xlsx, out);
    Path csv = out.resolve(xlsx.getFileName().toString().replace(".xlsx", ".csv"));
    assertThat(csv).exists();
    return csv;
  }

  private void run(Path file, Path out) throws Exception {
    Files.createDirectories(out);
    Process soffice =
        new ProcessBuilder(
                "soffice",
                "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless",
                "--norestore",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
                out.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("soffice.log").toFile())
            .start();
    assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
  }
}
