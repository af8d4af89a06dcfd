package org.sahay.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.matching.internal.MatchFeatures;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInputs;
import org.sahay.registry.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching across the collectives of a network: only keyed hashes under the network's key and
 * opaque references leave a collective; each side learns that a possible match exists, and who and
 * where only once both have confirmed.
 */
class NetworkMatchesIntegrationTest extends IntegrationTest {

  @Autowired private Members members;
  @Autowired private Organisations organisations;
  @Autowired private JdbcClient jdbc;
  @Autowired private org.sahay.matching.internal.NetworkKeys networkKeys;

  private record Side(Organisation collective, Fixtures.TestUser admin, String token) {}

  private Side collective(Organisation network) {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    if (network != null) {
      organisations.link(
          fixtures.systemAdmin().actor(), collective.id(), LinkKind.MEMBER_OF, network.id());
    }
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    return new Side(collective, admin, http().token(admin.username(), admin.password()));
  }

  private MemberId register(Side side, String name, String phone) {
    var input =
        MemberInputs.member(name)
            .yearOfBirth(1985)
            .phone(phone)
            .state("West Bengal")
            .district("Nadia")
            .village("Ranaghat")
            .build();
    return ((Members.Outcome.Saved) members.register(side.admin().actor(), input)).member().id();
  }

  private void scan(Side side) throws InterruptedException {
    Scans.run(http(), side.token());
  }

  private String matches(Side side) {
    var answer = http().get("/api/v1/network-matches", "Authorization", Http.bearer(side.token()));
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  private String code(Side side, MemberId id) {
    return members.summary(side.admin().actor(), id).orElseThrow().code();
  }

  @Test
  void eachSideLearnsWhoOnlyWhenBothConfirm() throws Exception {
    Organisation network = fixtures.organisation(OrganisationKind.NETWORK);
    Side one = collective(network);
    Side two = collective(network);
    Side outside = collective(null);
    MemberId hers = register(one, "Salma Khatun", "9433012345");
    MemberId theirs = register(two, "সালমা বিবি", "9433012345");
    register(outside, "Salma Khatun", "9433012345");
    scan(one);

    String seenByOne = matches(one);
    assertThat(Json.list(seenByOne, "$")).hasSize(1);
    assertThat(Json.text(seenByOne, "$[0].memberCode")).isEqualTo(code(one, hers));
    assertThat(Json.flag(seenByOne, "$[0].phoneToo")).isTrue();
    assertThat(Json.object(seenByOne, "$[0]")).containsEntry("otherCollective", null);
    String seenByTwo = matches(two);
    assertThat(Json.text(seenByTwo, "$[0].memberCode")).isEqualTo(code(two, theirs));
    for (String leaked :
        List.of(
            code(two, theirs),
            theirs.toString(),
            two.collective().name(),
            two.collective().id().toString())) {
      assertThat(seenByOne).doesNotContain(leaked);
    }
    for (String leaked : List.of(code(one, hers), hers.toString(), one.collective().name())) {
      assertThat(seenByTwo).doesNotContain(leaked);
    }
    assertThat(Json.list(matches(outside), "$")).isEmpty();

    String id = Json.text(seenByOne, "$[0].id");
    // Below the service's check, the store itself changes a match only for a collective on one
    // of its sides: an outsider holding the id can neither decline nor confirm it.
    assertThat(networkKeys.answer(outside.collective().id(), UUID.fromString(id), false)).isFalse();
    assertThat(networkKeys.answer(outside.collective().id(), UUID.fromString(id), true)).isFalse();
    assertThat(
            jdbc.sql("select status from network_match where id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("OPEN");
    var confirmed =
        http()
            .postJson(
                "/api/v1/network-matches/" + id + "/confirm",
                "",
                "Authorization",
                Http.bearer(one.token()));
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(matches(two)).doesNotContain(code(one, hers)).contains("\"confirmedByThem\":true");
    assertThat(
            http()
                .postJson(
                    "/api/v1/network-matches/" + id + "/confirm",
                    "",
                    "Authorization",
                    Http.bearer(outside.token()))
                .statusCode())
        .isEqualTo(404);
    http()
        .postJson(
            "/api/v1/network-matches/" + id + "/confirm",
            "",
            "Authorization",
            Http.bearer(two.token()));
    assertThat(Json.text(matches(one), "$[0].otherCode")).isEqualTo(code(two, theirs));
    assertThat(Json.text(matches(one), "$[0].otherCollective")).isEqualTo(two.collective().name());
    assertThat(Json.text(matches(two), "$[0].otherCode")).isEqualTo(code(one, hers));
  }

  @Test
  void onlyKeyedHashesUnderTheNetworkKeyLeaveACollective() throws Exception {
    Organisation network = fixtures.organisation(OrganisationKind.NETWORK);
    Side one = collective(network);
    Side two = collective(network);
    MemberId hers = register(one, "Jharna Das", "9831055555");
    MemberId theirs = register(two, "ঝর্ণা দাস", "9831066666");
    List<Map<String, Object>> shared =
        jdbc.sql(
                "select k.* from network_match_key k join network_match_ref r on r.ref = k.ref"
                    + " where r.member_id in (:a, :b) order by k.kind")
            .param("a", hers.value())
            .param("b", theirs.value())
            .query()
            .listOfRows();
    assertThat(shared).hasSize(4);
    for (Map<String, Object> row : shared) {
      assertThat(row.keySet())
          .containsExactlyInAnyOrder("network_id", "organisation_id", "ref", "kind", "hash");
      assertThat(row.get("ref")).isNotIn(hers.value(), theirs.value());
    }
    long nameOne =
        (Long) shared.stream().filter(r -> "N".equals(r.get("kind"))).toList().get(0).get("hash");
    long nameTwo =
        (Long) shared.stream().filter(r -> "N".equals(r.get("kind"))).toList().get(1).get("hash");
    assertThat(nameOne).isEqualTo(nameTwo);
    MatchFeatures own =
        MatchFeatures.decode(
            jdbc.sql("select features from match_record where member_id = :m")
                .param("m", hers.value())
                .query((rs, n) -> rs.getBytes(1))
                .single());
    for (Map<String, Object> row : shared) {
      long hash = (Long) row.get("hash");
      assertThat(own.exact()).doesNotContain(hash);
      assertThat(own.phones()).doesNotContain(hash);
    }
    scan(two);
    String id = Json.text(matches(two), "$[0].id");
    assertThat(Json.flag(matches(two), "$[0].phoneToo")).isFalse();
    var declined =
        http()
            .postJson(
                "/api/v1/network-matches/" + id + "/decline",
                "",
                "Authorization",
                Http.bearer(one.token()));
    assertThat(declined.statusCode()).isEqualTo(204);
    assertThat(Json.list(matches(one), "$")).isEmpty();
    assertThat(Json.list(matches(two), "$")).isEmpty();
    scan(one);
    assertThat(Json.list(matches(two), "$")).isEmpty();
    assertThat(UUID.fromString(id)).isNotNull();
  }
}
