package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server side of a phone that worked without a network: the lookup it takes to a site, and
 * replays of what it recorded, each under the idempotency key it was given on the phone.
 */
class SiteSyncIntegrationTest extends IntegrationTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @Autowired private JdbcClient jdbc;

  /** A signed-in phone: its session, the CSRF header to send, and a way to replay. */
  private record Phone(Http http, String csrfHeader, String csrfToken, String user) {

    HttpResponse<String> replay(String path, String body, String key) {
      return http.postBytes(
          path,
          FORM,
          body.getBytes(StandardCharsets.UTF_8),
          "Idempotency-Key",
          key,
          csrfHeader,
          csrfToken,
          "Accept",
          "application/json");
    }
  }

  /** A collective's leader with stock and a round, once per household, to give in. */
  private record Site(org.sahay.Fixtures.TestUser leader, Relief relief, String round) {}

  private Site site() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "10", null);
    return new Site(
        leader, relief, relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD"));
  }

  private Phone phone(org.sahay.Fixtures.TestUser user) {
    Http http = http();
    http.signIn(user.username(), user.password());
    var session = http.get("/sync/v1/session");
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
    return new Phone(
        http,
        Json.text(session.body(), "$.csrfHeader"),
        Json.text(session.body(), "$.csrfToken"),
        Json.text(session.body(), "$.user"));
  }

  @Test
  void aReplayedHandOverIsSavedOnceAndARepeatGetsTheFirstAnswer() {
    Site site = site();
    var leader = site.leader();
    Relief relief = site.relief();
    String round = site.round();
    String member = relief.member("Sitara Offlinecase");
    Phone phone = phone(leader);
    assertThat(phone.user()).isEqualTo(leader.username());
    String path = "/sync/v1/rounds/" + round + "/handovers";
    String key = UUID.randomUUID().toString();

    var first = phone.replay(path, "memberId=" + member, key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    var again = phone.replay(path, "memberId=" + member, key);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(handOvers(round)).isEqualTo(1);

    // Another phone's record of the same hand-over: a conflict naming the earlier one, not a save.
    var other = phone.replay(path, "memberId=" + member, UUID.randomUUID().toString());
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(Json.text(other.body(), "$.earlierDistributionId"))
        .isEqualTo(Json.text(first.body(), "$.id"));
    assertThat(Json.text(other.body(), "$.recordedBy")).isEqualTo(leader.username());
    assertThat(handOvers(round)).isEqualTo(1);

    // The person at the phone chose hers: the earlier one is undone, hers recorded.
    var undone =
        phone.replay(
            "/sync/v1/distributions/" + Json.text(first.body(), "$.id") + "/reversal",
            "reason=WRONG_PERSON",
            UUID.randomUUID().toString());
    assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
    var mine = phone.replay(path, "memberId=" + member, UUID.randomUUID().toString());
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
  }

  @Test
  void aKeyWhoseFirstAttemptDiedWithItsNodeIsTakenOverAtOnce() throws Exception {
    Site site = site();
    var leader = site.leader();
    Relief relief = site.relief();
    String round = site.round();
    String member = relief.member("Kamala Crashcase");
    Phone phone = phone(leader);
    String path = "/sync/v1/rounds/" + round + "/handovers";
    String body = "memberId=" + member;
    String key = UUID.randomUUID().toString();
    // The first attempt reached a node that was killed before it answered: its claim stays, held by
    // a node that no longer beats, and nothing was saved.
    UUID deadNode = deadNode();
    claim(leader.username(), key, hash(path, body), deadNode);

    var retry = phone.replay(path, body, key);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(handOvers(round)).isEqualTo(1);
    assertThat(phone.replay(path, body, key).headers().firstValue("Idempotent-Replayed"))
        .hasValue("true");

    // A claim held by a node that is alive (this one) is not taken over: the phone waits and
    // retries, told when.
    String busy = UUID.randomUUID().toString();
    String other = "memberId=" + relief.member("Parvati Waitcase");
    UUID alive =
        jdbc.sql("select id from app_node order by seen_at desc limit 1")
            .query(UUID.class)
            .single();
    claim(leader.username(), busy, hash(path, other), alive);
    var waiting = phone.replay(path, other, busy);
    assertThat(waiting.statusCode()).isEqualTo(409);
    assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
    assertThat(handOvers(round)).isEqualTo(1);
  }

  @Test
  void aKeyWhoseWriteCommittedBeforeItsNodeDiedIsNeverRunAgainAndIsAnsweredRecorded()
      throws Exception {
    Site site = site();
    var leader = site.leader();
    String round = site.round();
    String member = site.relief().member("Sarala Committedcase");
    Phone phone = phone(leader);
    String path = "/sync/v1/rounds/" + round + "/handovers";
    String body = "memberId=" + member;
    String key = UUID.randomUUID().toString();
    UUID deadNode = deadNode();
    claim(leader.username(), key, hash(path, body), deadNode);
    // Its write committed with the mark; the node died before it stored the answer.
    jdbc.sql("update idempotency_record set state = 'COMMITTED' where idem_key = :key")
        .param("key", key)
        .update();

    var retry = phone.replay(path, body, key);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.headers().firstValue("Retry-After")).isEmpty();
    assertThat(Json.text(retry.body(), "$.detail")).contains("not recorded again");
    assertThat(handOvers(round)).isZero();
  }

  @Test
  void theSiteLookupCarriesCodesNamesAndWhoReceivedForTheCollectiveOnlyAndIsAudited() {
    Site site = site();
    var leader = site.leader();
    Relief relief = site.relief();
    String round = site.round();
    String given = relief.member("Lalitha Lookupone");
    relief.member("Radha Lookuptwo");
    Phone phone = phone(leader);
    phone.replay(
        "/sync/v1/rounds/" + round + "/handovers",
        "memberId=" + given,
        UUID.randomUUID().toString());

    var lookup = phone.http().get("/sync/v1/rounds/" + round + "/lookup");
    assertThat(lookup.statusCode()).isEqualTo(200);
    assertThat(lookup.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(Json.list(lookup.body(), "$.entries[*]")).hasSize(2);
    assertThat(Json.list(lookup.body(), "$.entries[?(@.name == 'Lalitha Lookupone')].receivedBy"))
        .containsExactly(leader.username());
    assertThat(Json.list(lookup.body(), "$.entries[?(@.name == 'Radha Lookuptwo')].receivedAt"))
        .containsExactly((Object) null);
    assertThat(Json.list(lookup.body(), "$.entries[*].code")).allMatch(c -> c != null);
    assertThat(Json.flag(lookup.body(), "$.complete")).isTrue();
    assertThat(Json.text(lookup.body(), "$.expires")).isNotBlank();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'SITE_LOOKUP_ISSUED'"
                        + " and entity_id = :round")
                .param("round", round)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Another collective's leader, and anybody not signed in, learn nothing.
    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    assertThat(phone(stranger).http().get("/sync/v1/rounds/" + round + "/lookup").statusCode())
        .isEqualTo(404);
    var anonymous = http().get("/sync/v1/rounds/" + round + "/lookup");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.body()).doesNotContain("Lalitha");
  }

  @Test
  void aReplayWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
    Site site = site();
    var leader = site.leader();
    Relief relief = site.relief();
    String round = site.round();
    String member = relief.member("Gowri Forgedcase");
    Phone phone = phone(leader);
    var forged =
        phone
            .http()
            .postBytes(
                "/sync/v1/rounds/" + round + "/handovers",
                FORM,
                ("memberId=" + member).getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key",
                UUID.randomUUID().toString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(handOvers(round)).isZero();
  }

  @Test
  void registrationsAndNeedsReplayOnceAndALikelySameIsLeftToThePerson() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Phone phone = phone(leader);
    String form =
        "name=Meena+Replaycase&gender=FEMALE&status=ACTIVE&yearOfBirth=1990&phone=9000011122"
            + "&village=Kothapeta&district=Guntur&state=Andhra+Pradesh";
    String key = UUID.randomUUID().toString();
    var saved = phone.replay("/sync/v1/members", form, key);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String id = Json.text(saved.body(), "$.id");
    assertThat(Json.text(saved.body(), "$.code")).isNotBlank();
    assertThat(phone.replay("/sync/v1/members", form, key).body()).isEqualTo(saved.body());

    // The same person typed on a second phone: both are shown, the server decides nothing.
    var same = phone.replay("/sync/v1/members", form, UUID.randomUUID().toString());
    assertThat(same.statusCode()).isEqualTo(409);
    assertThat(Json.list(same.body(), "$.likelySame[*].id")).contains(id);
    assertThat(members(collective.id().value())).isEqualTo(1);
    var different =
        phone.replay("/sync/v1/members", form + "&notDuplicate=true", UUID.randomUUID().toString());
    assertThat(different.statusCode()).as(different.body()).isEqualTo(201);

    String need = "member=" + id + "&category=FOOD&severity=HIGH";
    String needKey = UUID.randomUUID().toString();
    var needSaved = phone.replay("/sync/v1/needs", need, needKey);
    assertThat(needSaved.statusCode()).as(needSaved.body()).isEqualTo(201);
    assertThat(phone.replay("/sync/v1/needs", need, needKey).body()).isEqualTo(needSaved.body());
    var wrong = phone.replay("/sync/v1/needs", "member=" + id, UUID.randomUUID().toString());
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Json.object(wrong.body(), "$.errors")).isNotEmpty();
  }

  @Test
  void attendanceAtAGroupSessionReplaysOnceAndAnUnknownCodeIsLeftToThePerson() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String first = code(relief.member("Tulasi Groupone"));
    String second = code(relief.member("Malathi Grouptwo"));
    Phone phone = phone(leader);
    String form =
        "topic=RESILIENCE&facilitator=Synthetic+Facilitator&attendance=" + first + "%2C" + second;
    String key = UUID.randomUUID().toString();
    var saved = phone.replay("/sync/v1/care/groups", form, key);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(Json.number(saved.body(), "$.attended")).isEqualTo(2);
    assertThat(phone.replay("/sync/v1/care/groups", form, key).body()).isEqualTo(saved.body());
    assertThat(groupSessions(collective.id().value())).isEqualTo(1);

    var unknown =
        phone.replay(
            "/sync/v1/care/groups",
            "topic=RESILIENCE&facilitator=Synthetic+Facilitator&attendance=ZZZZ-999999",
            UUID.randomUUID().toString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Json.object(unknown.body(), "$.errors")).containsKey("attendance");
    assertThat(groupSessions(collective.id().value())).isEqualTo(1);
  }

  private String code(String member) {
    return jdbc.sql("select code from member where id = :id")
        .param("id", UUID.fromString(member))
        .query(String.class)
        .single();
  }

  private long groupSessions(UUID organisation) {
    return jdbc.sql("select count(*) from counselling_group_session where organisation_id = :org")
        .param("org", organisation)
        .query(Long.class)
        .single();
  }

  private long members(UUID organisation) {
    return jdbc.sql("select count(*) from member where organisation_id = :org")
        .param("org", organisation)
        .query(Long.class)
        .single();
  }

  private long handOvers(String round) {
    return jdbc.sql(
            "select count(*) from distribution where round_id = :round and reversed_at is null")
        .param("round", UUID.fromString(round))
        .query(Long.class)
        .single();
  }

  /** A node that stopped beating two minutes ago. */
  private UUID deadNode() {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into app_node (id, started_at, seen_at) values (:id, :then, :then)")
        .param("id", id)
        .param("then", OffsetDateTime.now().minusMinutes(2))
        .update();
    return id;
  }

  private void claim(String user, String key, String hash, UUID node) {
    jdbc.sql(
            """
            insert into idempotency_record
              (principal, idem_key, request_hash, state, created_at, owner_node)
            values (:principal, :key, :hash, 'IN_PROGRESS', :now, :node)
            """)
        .param("principal", user)
        .param("key", key)
        .param("hash", hash)
        .param("now", OffsetDateTime.now())
        .param("node", node)
        .update();
  }

  /** The request's digest as the idempotency filter takes it: method, path and body. */
  private static String hash(String path, String body) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(("POST " + path + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(body.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }
}
