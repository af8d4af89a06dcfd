package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

class DrivesIntegrationTest extends IntegrationTest {

  private static final String AADHAAR = "{\"type\":\"AADHAAR\",\"number\":\"0123\"}";
  private static final String BANK = "{\"type\":\"BANK_ACCOUNT\",\"number\":\"4567\"}";

  /**
   * A worked Jan Dhan drive: five members without a bank account picked by that filter and one by
   * code; one granted, one applied, one rejected, two with nothing recorded, two of those not
   * granted lacking Aadhaar. Progress says 1 of 5, and Aadhaar blocks two.
   */
  @Test
  void aDrivesProgressCountsItsMembersStandingAndWhatBlocksTheRest() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    String granted = leader.member("Drive Granted", AADHAAR);
    String applied = leader.member("Drive Applied", AADHAAR);
    String rejected = leader.member("Drive Rejected");
    String waiting = leader.member("Drive Waiting");
    String banked = leader.member("Drive Banked", AADHAAR, BANK);
    String bankedCode = Json.text(leader.get("/api/v1/members/" + banked).body(), "$.code");
    String pmjdy = leader.scheme("PMJDY");

    var created =
        leader.post(
            "/api/v1/drives",
            """
            {"scheme":"%s","name":"Jan Dhan drive","startsOn":"2026-06-01","endsOn":"2026-06-30",
             "place":"Guntur town","targetGroup":"members without a bank account","targetNumber":5}
            """
                .formatted(pmjdy),
            "Idempotency-Key",
            "drive-" + collective.shortCode().value());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String drive = Json.text(created.body(), "$.id");
    String base = "/api/v1/drives/" + drive;

    var byFilter = leader.post(base + "/members", "{\"without\":\"BANK_ACCOUNT\"}");
    assertThat(Json.number(byFilter.body(), "$.added")).isEqualTo(4);
    var byCode =
        leader.post(
            base + "/members",
            "{\"codes\":[\"%s\"],\"without\":\"BANK_ACCOUNT\"}".formatted(bankedCode));
    assertThat(Json.number(byCode.body(), "$.added")).isEqualTo(1);
    assertThat(Json.number(byCode.body(), "$.alreadyIn")).isEqualTo(4);
    var unknown = leader.post(base + "/members", "{\"codes\":[\"NOPE-999999\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Json.object(unknown.body(), "$.errors")).containsOnlyKeys("codes");

    assertThat(leader.record(granted, pmjdy, "GRANTED", null).statusCode()).isEqualTo(200);
    assertThat(leader.record(applied, pmjdy, "APPLIED", null).statusCode()).isEqualTo(200);
    assertThat(leader.record(rejected, pmjdy, "REJECTED", null).statusCode()).isEqualTo(200);

    String progress = leader.get(base + "/progress").body();
    assertThat(Json.number(progress, "$.granted")).isEqualTo(1);
    assertThat(Json.number(progress, "$.drive.targetNumber")).isEqualTo(5);
    assertThat(Json.number(progress, "$.drive.members")).isEqualTo(5);
    assertThat(Json.object(progress, "$.byStatus"))
        .containsOnly(Map.entry("GRANTED", 1), Map.entry("APPLIED", 1), Map.entry("REJECTED", 1));
    assertThat(Json.number(progress, "$.nothingRecorded")).isEqualTo(2);
    assertThat(Json.object(progress, "$.blockedBy")).containsOnly(Map.entry("AADHAAR", 2));
    assertThat(Json.list(progress, "$.members[*].id"))
        .containsExactlyInAnyOrder(granted, applied, rejected, waiting, banked)
        .last()
        .isEqualTo(granted);

    Http browser = http();
    browser.signIn(user.username(), user.password());
    String page = browser.get("/entitlements/drives/" + drive).body();
    assertThat(page)
        .contains("1 of 5 granted.", "Aadhaar: missing for 2", "Drive Waiting")
        .contains("Pradhan Mantri Jan Dhan bank account");
    assertThat(browser.get("/entitlements/drives").body()).contains("Jan Dhan drive");

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Entitled other = new Entitled(http(), http().token(stranger.username(), stranger.password()));
    assertThat(other.get(base).statusCode()).isEqualTo(404);
    assertThat(other.get(base + "/progress").statusCode()).isEqualTo(404);
    assertThat(other.post(base + "/members", "{\"without\":\"AADHAAR\"}").statusCode())
        .isEqualTo(404);
    assertThat(other.get("/api/v1/drives").body()).doesNotContain(drive);
  }

  @Test
  void aDriveWithWrongFieldsIsExplainedAndNotStarted() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    var refused =
        leader.post(
            "/api/v1/drives",
            "{\"scheme\":\"x\",\"name\":\" \",\"startsOn\":\"2026-06-30\","
                + "\"endsOn\":\"2026-06-01\",\"targetNumber\":0}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.object(refused.body(), "$.errors"))
        .containsOnlyKeys("scheme", "name", "endsOn", "targetNumber");
    assertThat(Json.list(leader.get("/api/v1/drives").body(), "$")).isEqualTo(List.of());
  }
}
