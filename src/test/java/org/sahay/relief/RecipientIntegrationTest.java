package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecipientIntegrationTest extends IntegrationTest {

  private static final String NAME = "Sunita Kumari";
  private static final String PHONE = "9812345670";

  @Autowired private JdbcClient jdbc;

  @Test
  void aNonMemberIsWarnedAboutAsLikelyTheSameAndFoundByNameInAnotherScriptOrPhone() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String body =
        "{\"name\":\"%s\",\"phone\":\"%s\",\"group\":\"Brick kiln\",\"village\":\"Kothapeta\"}";
    String first =
        Relief.created(relief.post("/api/v1/relief-recipients", body.formatted(NAME, PHONE)));

    var samePhone = relief.post("/api/v1/relief-recipients", body.formatted("S. Kumari", PHONE));
    assertThat(samePhone.statusCode()).isEqualTo(409);
    assertThat(samePhone.body()).contains("\"likelySame\"").contains(first);
    var sameName =
        relief.post(
            "/api/v1/relief-recipients", "{\"name\":\"सुनीता देवी\",\"village\":\"kothapeta \"}");
    assertThat(sameName.statusCode()).isEqualTo(409);
    assertThat(sameName.body()).contains(first);
    var confirmed =
        relief.post(
            "/api/v1/relief-recipients",
            "{\"name\":\"सुनीता देवी\",\"village\":\"Kothapeta\",\"notDuplicate\":true}");
    assertThat(confirmed.statusCode()).isEqualTo(201);

    assertThat(relief.get("/api/v1/relief-recipients?q=సునీత").body()).contains(first);
    assertThat(relief.get("/api/v1/relief-recipients?q=5670").body()).contains(first);
    assertThat(relief.get("/api/v1/relief-recipients?q=" + PHONE).body()).contains(first);

    // Registered and given in one call, at a round that admits anyone.
    String kit = relief.item("Kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "5", null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    var inline =
        relief.give(
            round,
            "{\"recipient\":{\"name\":\"%s\",\"phone\":\"%s\"}}".formatted("Sunita K", PHONE));
    assertThat(inline.statusCode()).isEqualTo(409);
    assertThat(inline.body()).contains("likelySame");
    assertThat(relief.give(round, "{\"recipientId\":\"%s\"}".formatted(first)).statusCode())
        .isEqualTo(201);
    assertThat(relief.give(round, "{\"recipientId\":\"%s\"}".formatted(first)).statusCode())
        .isEqualTo(409);
    var members = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_PERSON");
    assertThat(relief.give(members, "{\"recipientId\":\"%s\"}".formatted(first)).statusCode())
        .isEqualTo(422);
  }

  @Test
  void theDatabaseHoldsNoReadableNameOrPhoneOfANonMember() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String id =
        Relief.created(
            relief.post(
                "/api/v1/relief-recipients",
                "{\"name\":\"Yasmin Begum\",\"phone\":\"+91 98765 01234\",\"group\":\"Migrant workers\",\"village\":\"Islampur\"}"));
    List<Map<String, Object>> rows =
        jdbc.sql("select * from relief_recipient where id = ?")
            .param(java.util.UUID.fromString(id))
            .query()
            .listOfRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).keySet())
        .containsExactlyInAnyOrder("id", "organisation_id", "personal", "created_by", "created_at");
    String everything =
        rows.get(0).values().stream()
                .map(
                    v ->
                        v instanceof byte[] b
                            ? new String(b, StandardCharsets.ISO_8859_1)
                            : String.valueOf(v))
                .reduce("", String::concat)
            + jdbc.sql("select token from relief_recipient_token where recipient_id = ?")
                .param(java.util.UUID.fromString(id))
                .query(String.class)
                .list();
    assertThat(everything)
        .doesNotContainIgnoringCase("yasmin")
        .doesNotContainIgnoringCase("begum")
        .doesNotContain("9876501234")
        .doesNotContain("1234")
        .doesNotContainIgnoringCase("islampur")
        .doesNotContainIgnoringCase("migrant");
    String audit =
        String.join(
            " ",
            jdbc.sql("select summary from audit_entry where entity_id = ?")
                .param(id)
                .query(String.class)
                .list());
    assertThat(audit).doesNotContainIgnoringCase("yasmin").doesNotContain("9876501234");
    assertThat(relief.get("/api/v1/relief-recipients?q=Yasmin").body())
        .contains("\"phone\":\"9876501234\"")
        .contains("\"group\":\"Migrant workers\"");
  }
}
