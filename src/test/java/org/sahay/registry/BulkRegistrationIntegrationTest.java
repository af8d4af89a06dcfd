package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import's chunk registers its members in bulk, with keys, tokens and keyed hashes made on
 * several threads and written one bulk write per table: each member ends up with exactly what
 * registering her alone gives (search tokens, match record, keys for matching across the network),
 * under the same keys.
 */
class BulkRegistrationIntegrationTest extends IntegrationTest {

  @Autowired Members members;
  @Autowired Organisations organisations;
  @Autowired JdbcClient jdbc;

  @Test
  void aChunkGivesEachMemberWhatRegisteringHerAloneGives() {
    var network = fixtures.organisation(OrganisationKind.NETWORK);
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    organisations.link(
        fixtures.systemAdmin().actor(), collective.id(), LinkKind.MEMBER_OF, network.id());
    var admin = fixtures.user(collective, Role.ORG_ADMIN).actor();

    List<MemberInput> chunk = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      chunk.add(input(i % 2 == 0 ? "Rekha Das " + i : "রেখা দাস " + i, "94330" + (10000 + i)));
    }
    List<Object> outcomes = members.registerAll(admin, chunk);
    assertThat(outcomes).hasSize(100).allMatch(o -> o instanceof MemberId);

    for (int i : new int[] {0, 1, 63, 64, 99}) {
      UUID bulk = ((MemberId) outcomes.get(i)).value();
      UUID alone =
          ((Members.Outcome.Saved) members.register(admin, chunk.get(i))).member().id().value();
      assertThat(tokens(bulk))
          .as("search tokens of row " + i)
          .isEqualTo(tokens(alone))
          .isNotEmpty();
      assertThat(features(bulk)).as("match record of row " + i).isEqualTo(features(alone));
      assertThat(networkKeys(bulk))
          .as("keys across the network of row " + i)
          .isEqualTo(networkKeys(alone))
          .hasSize(2);
      assertThat(members.get(admin, new MemberId(bulk)).name()).isEqualTo(chunk.get(i).name());
    }
    assertThat(
            jdbc.sql("select count(*) from match_record where organisation_id = :o")
                .param("o", collective.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(105);
  }

  private static MemberInput input(String name, String phone) {
    return MemberInputs.member(name)
        .yearOfBirth(1986)
        .phone(phone)
        .state("West Bengal")
        .district("Nadia")
        .village("Ranaghat")
        .build();
  }

  private List<String> tokens(UUID member) {
    return jdbc.sql("select token from member_token where member_id = :m order by token")
        .param("m", member)
        .query(String.class)
        .list();
  }

  private String features(UUID member) {
    return jdbc.sql("select features from match_record where member_id = :m and active")
        .param("m", member)
        .query((rs, n) -> java.util.HexFormat.of().formatHex(rs.getBytes(1)))
        .single();
  }

  private List<String> networkKeys(UUID member) {
    return jdbc.sql(
            "select k.kind || ':' || k.hash from network_match_key k join network_match_ref r"
                + " on r.ref = k.ref where r.member_id = :m order by 1")
        .param("m", member)
        .query(String.class)
        .list();
  }
}
