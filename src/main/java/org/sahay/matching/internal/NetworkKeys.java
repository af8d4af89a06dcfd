package org.sahay.matching.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.BulkRows;
import org.sahay.platform.NameKeys;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberRecorded;
import org.sahay.registry.MembersMerged;
import org.sahay.registry.MembersRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a collective shares with its network for matching across collectives: keyed hashes under the
 * network's own key (the member's whole name, honorifics aside, in her district; each of her
 * phones), each under an opaque reference that only her collective can resolve. Kept in step with
 * the registry; possible matches are found by equal name hashes in two collectives of a network.
 */
@Component
public class NetworkKeys {

  /** A possible match as stored, seen from one of its two sides. */
  public record Side(
      UUID id,
      UUID network,
      UUID ownRef,
      UUID otherOrganisation,
      UUID otherRef,
      boolean phoneToo,
      boolean confirmedHere,
      boolean confirmedThere) {}

  private final JdbcClient jdbc;
  private final BulkRows bulk;
  private final Vault vault;
  private final Organisations organisations;
  private final Clock clock;

  NetworkKeys(
      JdbcClient jdbc, Vault vault, Organisations organisations, Clock clock, BulkRows bulk) {
    this.bulk = bulk;
    this.jdbc = jdbc;
    this.vault = vault;
    this.organisations = organisations;
    this.clock = clock;
  }

  @EventListener
  void on(MemberRecorded m) {
    for (Organisation network : organisations.linkedFrom(m.organisation(), LinkKind.MEMBER_OF)) {
      UUID ref = ref(network.id().value(), m);
      jdbc.sql("delete from network_match_key where ref = :r").param("r", ref).update();
      for (String[] key : keys(m)) {
        insert(network, m.organisation(), ref, key[0], key[1]);
      }
    }
  }

  /**
   * New members registered together, who have no references yet: for each network of the
   * collective, their references and keys in two bulk writes.
   */
  @EventListener
  void on(MembersRegistered registered) {
    for (Organisation network :
        organisations.linkedFrom(registered.organisation(), LinkKind.MEMBER_OF)) {
      UUID n = network.id().value();
      UUID o = registered.organisation().value();
      List<Object[]> refs = new ArrayList<>();
      List<Object[]> keys = new ArrayList<>();
      for (MemberRecorded m : registered.members()) {
        UUID ref = UUID.randomUUID();
        refs.add(new Object[] {ref, n, o, m.member().value()});
        for (String[] key : keys(m)) {
          keys.add(new Object[] {n, o, ref, key[0], hash(network, key[1])});
        }
      }
      bulk.insert(
          "network_match_ref", List.of("ref", "network_id", "organisation_id", "member_id"), refs);
      bulk.insert(
          "network_match_key",
          List.of("network_id", "organisation_id", "ref", "kind", "hash"),
          keys);
    }
  }

  /** A member's keys for matching across a network: kind ("N" or "P") and the value to hash. */
  private static List<String[]> keys(MemberRecorded m) {
    List<String[]> keys = new ArrayList<>();
    String name = wholeName(m.name());
    String district = MatchKeys.normal(m.district());
    if (name != null && district != null) {
      keys.add(new String[] {"N", "network-name|" + name + "|" + district});
    }
    for (String phone : new String[] {m.phone(), m.otherPhone()}) {
      String digits = MatchKeys.digits(phone);
      if (digits != null) {
        keys.add(new String[] {"P", "network-phone|" + digits});
      }
    }
    return keys;
  }

  private long hash(Organisation network, String value) {
    return java.nio.ByteBuffer.wrap(
            java.util.Base64.getUrlDecoder().decode(vault.token(network.id(), value)))
        .getLong();
  }

  @EventListener
  void on(MemberErased erased) {
    forget(erased.member().value(), true);
  }

  /** A merged record no longer stands for anyone: its keys and open matches go. */
  @EventListener
  void on(MembersMerged merged) {
    forget(merged.merged().value(), false);
  }

  private void forget(UUID member, boolean refsToo) {
    List<UUID> refs =
        jdbc.sql("select ref from network_match_ref where member_id = :m")
            .param("m", member)
            .query(UUID.class)
            .list();
    for (UUID ref : refs) {
      jdbc.sql("delete from network_match_key where ref = :r").param("r", ref).update();
      jdbc.sql("delete from network_match where ref_a = :r or ref_b = :r").param("r", ref).update();
    }
    if (refsToo) {
      jdbc.sql("delete from network_match_ref where member_id = :m").param("m", member).update();
    }
  }

  /** Finds new possible matches between this collective and the others of its networks. */
  public int findFor(OrganisationId collective) {
    int found = 0;
    for (Organisation network : organisations.linkedFrom(collective, LinkKind.MEMBER_OF)) {
      List<Object[]> pairs = new ArrayList<>();
      jdbc.sql(
              """
              select a.ref, b.organisation_id, b.ref, (select count(*) from network_match_key pa
                  join network_match_key pb on pb.ref = b.ref and pb.kind = 'P' and pb.hash = pa.hash
                  where pa.ref = a.ref and pa.kind = 'P') as phones
              from network_match_key a join network_match_key b on b.network_id = a.network_id
                and b.kind = 'N' and b.hash = a.hash and b.organisation_id <> a.organisation_id
              where a.network_id = :n and a.kind = 'N' and a.organisation_id = :o
              """)
          .param("n", network.id().value())
          .param("o", collective.value())
          .query(
              (ResultSet rs) -> {
                pairs.add(
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      rs.getObject(2, UUID.class),
                      rs.getObject(3, UUID.class),
                      rs.getLong(4) > 0
                    });
              });
      for (Object[] p : pairs) {
        found += store(network.id().value(), collective.value(), p) ? 1 : 0;
      }
    }
    return found;
  }

  private boolean store(UUID network, UUID collective, Object[] p) {
    UUID ownRef = (UUID) p[0];
    UUID other = (UUID) p[1];
    UUID otherRef = (UUID) p[2];
    boolean ownFirst = ownRef.toString().compareTo(otherRef.toString()) < 0;
    UUID refA = ownFirst ? ownRef : otherRef;
    UUID refB = ownFirst ? otherRef : ownRef;
    long known =
        jdbc.sql("select count(*) from network_match where ref_a = :a and ref_b = :b")
            .param("a", refA)
            .param("b", refB)
            .query(Long.class)
            .single();
    if (known > 0) {
      return false;
    }
    jdbc.sql(
            """
            insert into network_match (id, network_id, organisation_a, ref_a, organisation_b, ref_b,
              phone_too, confirmed_a, confirmed_b, status, found_at)
            values (:id, :n, :oa, :a, :ob, :b, :phone, false, false, 'OPEN', :now)
            """)
        .param("id", org.sahay.platform.Ids.newId())
        .param("n", network)
        .param("oa", ownFirst ? collective : other)
        .param("a", refA)
        .param("ob", ownFirst ? other : collective)
        .param("b", refB)
        .param("phone", (Boolean) p[3])
        .param("now", OffsetDateTime.now(clock))
        .update();
    return true;
  }

  /** The open possible matches of a collective, each seen from its side. */
  public List<Side> sides(OrganisationId collective) {
    return jdbc.sql(
            "select * from network_match where status = 'OPEN'"
                + " and (organisation_a = :o or organisation_b = :o) order by found_at, id")
        .param("o", collective.value())
        .query((rs, n) -> side(rs, collective.value()))
        .list();
  }

  public Optional<Side> side(OrganisationId collective, UUID id) {
    return sides(collective).stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Records this side's answer: confirmed, or declined (then never shown again to either). Only a
   * match still open with the collective on one side is changed; false when there is none.
   */
  public boolean answer(OrganisationId collective, UUID id, boolean confirm) {
    String mine =
        " where id = :id and status = 'OPEN' and (organisation_a = :o or organisation_b = :o)";
    String set =
        confirm
            ? "confirmed_a = (confirmed_a or organisation_a = :o),"
                + " confirmed_b = (confirmed_b or organisation_b = :o)"
            : "status = 'DECLINED'";
    return jdbc.sql("update network_match set " + set + mine)
            .param("o", collective.value())
            .param("id", id)
            .update()
        == 1;
  }

  /** The member behind one of the collective's own references. */
  public Optional<UUID> member(UUID collective, UUID ref) {
    return jdbc.sql(
            "select member_id from network_match_ref where ref = :r and organisation_id = :o")
        .param("r", ref)
        .param("o", collective)
        .query(UUID.class)
        .optional();
  }

  private static Side side(ResultSet rs, UUID own) throws java.sql.SQLException {
    boolean first = rs.getObject("organisation_a", UUID.class).equals(own);
    String here = first ? "a" : "b";
    String there = first ? "b" : "a";
    return new Side(
        rs.getObject("id", UUID.class),
        rs.getObject("network_id", UUID.class),
        rs.getObject("ref_" + here, UUID.class),
        rs.getObject("organisation_" + there, UUID.class),
        rs.getObject("ref_" + there, UUID.class),
        rs.getBoolean("phone_too"),
        rs.getBoolean("confirmed_" + here),
        rs.getBoolean("confirmed_" + there));
  }

  private UUID ref(UUID network, MemberRecorded m) {
    Optional<UUID> known =
        jdbc.sql("select ref from network_match_ref where network_id = :n and member_id = :m")
            .param("n", network)
            .param("m", m.member().value())
            .query(UUID.class)
            .optional();
    if (known.isPresent()) {
      return known.get();
    }
    UUID ref = UUID.randomUUID();
    jdbc.sql(
            "insert into network_match_ref (ref, network_id, organisation_id, member_id)"
                + " values (:r, :n, :o, :m)")
        .param("r", ref)
        .param("n", network)
        .param("o", m.organisation().value())
        .param("m", m.member().value())
        .update();
    return ref;
  }

  private void insert(
      Organisation network, OrganisationId collective, UUID ref, String kind, String value) {
    long hash = hash(network, value);
    jdbc.sql(
            "insert into network_match_key (network_id, organisation_id, ref, kind, hash)"
                + " values (:n, :o, :r, :k, :h)")
        .param("n", network.id().value())
        .param("o", collective.value())
        .param("r", ref)
        .param("k", kind)
        .param("h", hash)
        .update();
  }

  /** The name's words without honorifics, sorted (word order does not matter); null for none. */
  static String wholeName(String name) {
    if (name == null) {
      return null;
    }
    TreeSet<String> words = new TreeSet<>();
    for (String w : NameKeys.words(NameKeys.phonetic(name))) {
      if (!NameKeys.isHonorific(w)) {
        words.add(w);
      }
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }
}
