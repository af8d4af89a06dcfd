package org.sahay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names, phones, birth dates, villages, document numbers and dependents' names are sealed under the
 * member's (or household's) key: the database holds none of them readable, erasure makes a copy
 * taken before it useless, and search still finds people by keyed tokens.
 */
class PersonalDataIntegrationTest extends IntegrationTest {

  private static final String NAME = "Synthetica Rangamma";
  private static final String ALIAS = "Rangoli";
  private static final String PHONE = "9123456780";
  private static final String VILLAGE = "Kothapeta Synthetic";
  private static final String HOUSEHOLD_VILLAGE = "Pedapalem Synthetic";
  private static final String RATION_CARD = "WAP123987654";
  private static final String CHILD = "Chinnari Synthetic";

  @Autowired private JdbcClient jdbc;
  @Autowired private Vault vault;
  @Autowired private PersonalDataUpgrade upgrade;

  @Test
  void noPersonalFieldIsReadableInTheDatabaseAndErasureReachesOldCopies() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    Http http = http();
    var created =
        http.postJson(
            "/api/v1/members",
            "{\"name\":\""
                + NAME
                + "\",\"alias\":\""
                + ALIAS
                + "\",\"gender\":\"FEMALE\",\"dateOfBirth\":\"1983-02-17\","
                + "\"phone\":\""
                + PHONE
                + "\",\"district\":\"Guntur\",\"block\":\"Tenali Block\",\"village\":\""
                + VILLAGE
                + "\",\"documents\":[{\"type\":\"RATION_CARD\",\"status\":\"HAVE\","
                + "\"number\":\""
                + RATION_CARD
                + "\",\"detail\":\"AAY\"}]}",
            "Authorization",
            Http.bearer(admin));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = field(created.body(), "id");
    var household =
        http.postJson(
            "/api/v1/households",
            "{\"housing\":\"RENTED\",\"district\":\"Guntur\",\"village\":\""
                + HOUSEHOLD_VILLAGE
                + "\",\"headMemberId\":\""
                + id
                + "\",\"dependents\":[{\"kind\":\"CHILD\",\"name\":\""
                + CHILD
                + "\",\"age\":9,\"inSchool\":true,\"notes\":\"synthetic note\"}]}",
            "Authorization",
            Http.bearer(admin));
    assertThat(household.statusCode()).isEqualTo(201);
    String householdId = field(household.body(), "id");
    assertThat(http.get("/api/v1/members/" + id, "Authorization", Http.bearer(admin)).body())
        .contains(NAME, ALIAS, PHONE, VILLAGE, RATION_CARD, "1983-02-17");
    assertThat(
            http.get("/api/v1/households/" + householdId, "Authorization", Http.bearer(admin))
                .body())
        .contains(CHILD, NAME, HOUSEHOLD_VILLAGE);

    for (String table :
        new String[] {
          "member",
          "member_document",
          "member_token",
          "household",
          "household_dependent",
          "data_key",
          "audit_entry",
          "idempotency_record"
        }) {
      for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
        for (Object value : row.values()) {
          String text =
              value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.ISO_8859_1)
                  : String.valueOf(value);
          assertThat(text)
              .as(table)
              .doesNotContain(NAME)
              .doesNotContain(ALIAS)
              .doesNotContain(PHONE)
              .doesNotContain(VILLAGE)
              .doesNotContain(HOUSEHOLD_VILLAGE)
              .doesNotContain(RATION_CARD)
              .doesNotContain(CHILD)
              .doesNotContain("1983-02-17")
              .doesNotContain("Tenali Block");
        }
      }
    }

    // A backup taken now holds these ciphertexts; after erasure nothing opens them.
    UUID member = UUID.fromString(id);
    byte[] personal =
        jdbc.sql("select personal from member where id = :id")
            .param("id", member)
            .query((rs, n) -> rs.getBytes(1))
            .single();
    byte[] dependent =
        jdbc.sql("select sealed from household_dependent where household_id = :id")
            .param("id", UUID.fromString(householdId))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    byte[] village =
        jdbc.sql("select village_sealed from household where id = :id")
            .param("id", UUID.fromString(householdId))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    assertThat(vault.decrypt(UUID.fromString(householdId), "village", village))
        .contains(HOUSEHOLD_VILLAGE);
    assertThat(vault.decrypt(member, "personal", personal)).isPresent();
    var erased =
        http.send(
            "DELETE",
            "/api/v1/members/" + id + "?reason=MEMBER_REQUEST",
            null,
            "Authorization",
            Http.bearer(admin));
    assertThat(erased.statusCode()).isEqualTo(204);
    assertThat(vault.decrypt(member, "personal", personal)).isEmpty();
    assertThat(vault.decrypt(UUID.fromString(householdId), "dependent", dependent)).isEmpty();
    assertThat(vault.decrypt(UUID.fromString(householdId), "village", village)).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from member_token where member_id = :id")
                .param("id", member)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from member where id = :id and personal is null")
                .param("id", member)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void searchFindsByPhoneEndingVillageAndTheStartOfAName() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    String lakshmi = register(leader, "Lakshmi Devi", "9876512345", "Kothapeta");
    String lalitha = register(leader, "Lalitha", "9000012399", "Ramapuram");
    Http http = http();
    assertThat(search(http, leader, "Laks")).contains(lakshmi).doesNotContain(lalitha);
    assertThat(search(http, leader, "devi")).contains(lakshmi).doesNotContain(lalitha);
    assertThat(search(http, leader, "2345")).contains(lakshmi).doesNotContain(lalitha);
    assertThat(search(http, leader, "12345")).contains(lakshmi).doesNotContain(lalitha);
    assertThat(search(http, leader, "92345")).doesNotContain(lakshmi);
    assertThat(search(http, leader, "+91 98765 12345")).contains(lakshmi);
    assertThat(
            http.get(
                    "/api/v1/members?village=" + "kothapeta%20",
                    "Authorization", Http.bearer(leader))
                .body())
        .contains(lakshmi)
        .doesNotContain(lalitha);
    var moved =
        http.postJson(
            "/api/v1/members",
            "{\"name\":\"Lakshmi Moved\",\"gender\":\"FEMALE\",\"yearOfBirth\":1990,"
                + "\"district\":\"Guntur\",\"status\":\"MOVED\"}",
            "Authorization",
            Http.bearer(leader));
    String movedId = field(moved.body(), "id");
    assertThat(
            http.get("/api/v1/members?q=lakshmi&status=MOVED", "Authorization", Http.bearer(leader))
                .body())
        .contains(movedId)
        .doesNotContain(lakshmi);
    assertThat(search(http, leader, "lakshmi")).contains(movedId, lakshmi);
    // Tokens are keyed per collective: another collective's search finds nothing of these.
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String stranger = token(fixtures.user(other, Role.LEADER));
    assertThat(search(http, stranger, "Lakshmi")).doesNotContain(lakshmi);
  }

  @Test
  void rowsWrittenBeforeSealingAreSealedAtStartAndFoundAfterwards() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    String leader = token(fixtures.user(collective, Role.LEADER));
    UUID id = UUID.randomUUID();
    vault.createKey(id, collective.id());
    jdbc.sql(
            """
            insert into member (id, organisation_id, code, name, alias, gender, birth_year, phone,
              district, village, status, languages, version, created_at, updated_at)
            values (:id, :org, :code, 'Old Synthetic Row', null, 'FEMALE', 1979, '9555512345',
              'Guntur', 'Oldvillage', 'ACTIVE', 'te,hi', 0, :now, :now)
            """)
        .param("id", id)
        .param("org", collective.id().value())
        .param("code", collective.shortCode().value() + "-000900")
        .param("now", OffsetDateTime.now())
        .update();
    jdbc.sql(
            """
            insert into member_document (id, member_id, organisation_id, type, status, number,
              updated_at)
            values (:doc, :id, :org, 'VOTER_ID', 'HAVE', 'OLD1234567', :now)
            """)
        .param("doc", UUID.randomUUID())
        .param("id", id)
        .param("org", collective.id().value())
        .param("now", OffsetDateTime.now())
        .update();

    UUID household = UUID.randomUUID();
    jdbc.sql(
            """
            insert into household (id, organisation_id, housing, village, district, version,
              created_at, updated_at)
            values (:id, :org, 'RENTED', 'Oldhamlet', 'Guntur', 0, :now, :now)
            """)
        .param("id", household)
        .param("org", collective.id().value())
        .param("now", OffsetDateTime.now())
        .update();

    upgrade.run(null);

    Map<String, Object> home =
        jdbc.sql("select * from household where id = :id")
            .param("id", household)
            .query()
            .singleRow();
    assertThat(home.get("village")).isNull();
    assertThat(home.get("village_sealed")).isNotNull();

    Map<String, Object> row =
        jdbc.sql("select * from member where id = :id").param("id", id).query().singleRow();
    assertThat(row.get("name")).isNull();
    assertThat(row.get("phone")).isNull();
    assertThat(row.get("village")).isNull();
    assertThat(row.get("personal")).isNotNull();
    assertThat(
            jdbc.sql("select count(*) from member_document where number is not null")
                .query(Long.class)
                .single())
        .isZero();
    Http http = http();
    assertThat(search(http, leader, "old synthetic")).contains(id.toString());
    assertThat(search(http, leader, "9555512345")).contains(id.toString());
    assertThat(http.get("/api/v1/members/" + id, "Authorization", Http.bearer(leader)).body())
        .contains("Old Synthetic Row", "Oldvillage", "OLD1234567", "9555512345");
    assertThat(
            http.get("/api/v1/households/" + household, "Authorization", Http.bearer(leader))
                .body())
        .contains("Oldhamlet");
  }

  private String search(Http http, String token, String q) {
    return http.get(
            "/api/v1/members?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8),
            "Authorization",
            Http.bearer(token))
        .body();
  }

  private String register(String token, String name, String phone, String village) {
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\""
                    + name
                    + "\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\","
                    + "\"phone\":\""
                    + phone
                    + "\",\"village\":\""
                    + village
                    + "\"}",
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private String token(Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
