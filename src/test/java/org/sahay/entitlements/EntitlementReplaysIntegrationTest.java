package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every creating call of the entitlements API, sent twice with one idempotency key (a phone's retry
 * after a lost answer): the second gets the first's answer, and the thing is made once.
 */
class EntitlementReplaysIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;

  private Entitled api;
  private String prefix;

  /** Posts twice with one key; asserts the same answer; returns the first. */
  private HttpResponse<String> twice(String path, String json) {
    String key = prefix + "-" + path.hashCode() + "-" + json.hashCode();
    var first = api.post(path, json, "Idempotency-Key", key);
    var replay = api.post(path, json, "Idempotency-Key", key);
    assertThat(first.statusCode()).as(path + " " + first.body()).isBetween(200, 201);
    assertThat(replay.statusCode()).as(path).isEqualTo(first.statusCode());
    assertThat(replay.body()).as(path).isEqualTo(first.body());
    return first;
  }

  private long count(String sql, UUID organisation) {
    return jdbc.sql(sql).param("org", organisation).query(Long.class).single();
  }

  @Test
  void everyCreatingCallReplayedWithItsKeyIsMadeOnce() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    api = new Entitled(http(), http().token(admin.username(), admin.password()));
    prefix = collective.shortCode().value();
    UUID org = collective.id().value();
    String asha = api.member("Replay Asha");
    String code = Json.text(api.get("/api/v1/members/" + asha).body(), "$.code");
    String pmjdy = api.scheme("PMJDY");

    twice(
        "/api/v1/members/" + asha + "/entitlements",
        "{\"scheme\":\"%s\",\"status\":\"APPLIED\"}".formatted(pmjdy));
    assertThat(count("select count(*) from entitlement_event where organisation_id = :org", org))
        .isEqualTo(1);

    String drive =
        Json.text(
            twice(
                    "/api/v1/drives",
                    """
                    {"scheme":"%s","name":"Replay drive","startsOn":"2026-06-01",
                     "endsOn":"2026-06-30","targetNumber":10}
                    """
                        .formatted(pmjdy))
                .body(),
            "$.id");
    twice("/api/v1/drives/" + drive + "/members", "{\"codes\":[\"%s\"]}".formatted(code));
    assertThat(count("select count(*) from drive where organisation_id = :org", org)).isEqualTo(1);
    assertThat(count("select count(*) from drive_member where organisation_id = :org", org))
        .isEqualTo(1);

    twice(
        "/api/v1/beneficiary-list-templates",
        """
        {"name":"Replay format","columns":["SERIAL","NAME"],"headings":["No.","Name"],
         "dateFormat":"dd-MM-yyyy","language":"en"}
        """);
    assertThat(count("select count(*) from list_template where owner_id = :org", org)).isEqualTo(1);

    api.post(
        "/api/v1/members/" + asha + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");
    twice(
        "/api/v1/beneficiary-lists",
        """
        {"template":"1157e000-0000-4000-8000-000000000001","office":"%s","title":"Replay list",
         "codes":["%s"]}
        """
            .formatted(office.id(), code));
    assertThat(count("select count(*) from beneficiary_list where organisation_id = :org", org))
        .isEqualTo(1);
    assertThat(count("select count(*) from beneficiary_list_row where organisation_id = :org", org))
        .isEqualTo(1);

    String stakeholder =
        Json.text(
            twice("/api/v1/stakeholders", "{\"kind\":\"MEDIA\",\"name\":\"Replay daily\"}").body(),
            "$.id");
    twice(
        "/api/v1/stakeholders/" + stakeholder + "/contacts",
        "{\"name\":\"Synthetic Reporter\",\"phone\":\"90000 77777\"}");
    twice(
        "/api/v1/stakeholders/" + stakeholder + "/engagements",
        "{\"kind\":\"MEDIA_STORY\",\"outcome\":\"a story ran\"}");
    assertThat(count("select count(*) from stakeholder where organisation_id = :org", org))
        .isEqualTo(1);
    assertThat(count("select count(*) from stakeholder_contact where organisation_id = :org", org))
        .isEqualTo(1);
    assertThat(count("select count(*) from engagement where organisation_id = :org", org))
        .isEqualTo(1);
  }
}
