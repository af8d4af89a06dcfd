package org.sahay.matching.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.matching.Band;
import org.sahay.matching.DuplicatePair;
import org.sahay.matching.MergeId;
import org.sahay.matching.PairId;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pairs found by scans, and the decisions on them. */
@Repository
public class PairStore {

  /** A pair as a scan found it: members in a fixed order (by their ids' text). */
  public record Found(UUID first, UUID second, double score, Band band, String evidence) {}

  /** A pair as stored, with the organisation it belongs to. */
  public record Stored(DuplicatePair pair, OrganisationId organisation) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;

  PairStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  /**
   * A new open pair, only while both members still have a match record: a member erased or merged
   * after a scan read her is not proposed again by that scan's late write.
   */
  private static final String INSERT_WHILE_BOTH_RECORDED =
      "insert into duplicate_pair (id, organisation_id, member_a, member_b, score, band, evidence,"
          + " status, found_at) select ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?"
          + " where exists (select 1 from match_record where member_id = ?)"
          + " and exists (select 1 from match_record where member_id = ?)";

  /**
   * Keeps what a scan of the collective found: new pairs are added, open ones get their new score,
   * decided ones are left as they were decided (never proposed again), and open pairs the scan no
   * longer finds go.
   */
  public void replaceOpen(OrganisationId organisation, List<Found> found) {
    Map<String, String> existing = new HashMap<>();
    jdbc.sql("select member_a, member_b, status from duplicate_pair where organisation_id = :o")
        .param("o", organisation.value())
        .query(
            (ResultSet rs) -> {
              existing.put(rs.getString(1) + rs.getString(2), rs.getString(3));
            });
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    for (Found f : found) {
      String key = f.first().toString() + f.second();
      seen.put(key, true);
      String status = existing.get(key);
      if (status == null) {
        inserts.add(
            new Object[] {
              Ids.newId(),
              organisation.value(),
              f.first(),
              f.second(),
              f.score(),
              f.band().name(),
              f.evidence(),
              now,
              f.first(),
              f.second()
            });
      } else if (status.equals("OPEN")) {
        updates.add(
            new Object[] {
              f.score(), f.band().name(), f.evidence(), organisation.value(), f.first(), f.second()
            });
      }
    }
    template.batchUpdate(INSERT_WHILE_BOTH_RECORDED, inserts);
    template.batchUpdate(
        "update duplicate_pair set score = ?, band = ?, evidence = ? where organisation_id = ?"
            + " and member_a = ? and member_b = ? and status = 'OPEN'",
        updates);
    List<Object[]> gone = new ArrayList<>();
    existing.forEach(
        (key, status) -> {
          if (status.equals("OPEN") && !seen.containsKey(key)) {
            gone.add(
                new Object[] {
                  organisation.value(),
                  UUID.fromString(key.substring(0, 36)),
                  UUID.fromString(key.substring(36))
                });
          }
        });
    template.batchUpdate(
        "delete from duplicate_pair where organisation_id = ? and member_a = ? and member_b = ?"
            + " and status = 'OPEN'",
        gone);
  }

  /** Collectives with open pairs. */
  public List<UUID> collectivesWithOpen() {
    return jdbc.sql("select distinct organisation_id from duplicate_pair where status = 'OPEN'")
        .query(UUID.class)
        .list();
  }

  public List<DuplicatePair> open(OrganisationId organisation, Band band, int limit, int offset) {
    return jdbc.sql(
            """
            select * from duplicate_pair where organisation_id = :o and status = 'OPEN'
              and band = :band order by score desc, id limit :limit offset :offset
            """)
        .param("o", organisation.value())
        .param("band", band.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(PairStore::pair)
        .list();
  }

  public Optional<Stored> find(PairId id) {
    return jdbc.sql("select * from duplicate_pair where id = :id")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new Stored(
                    pair(rs, n), new OrganisationId(rs.getObject("organisation_id", UUID.class))))
        .optional();
  }

  public Optional<Stored> byMerge(MergeId merge) {
    return jdbc.sql("select * from duplicate_pair where merge_id = :m")
        .param("m", merge.value())
        .query(
            (rs, n) ->
                new Stored(
                    pair(rs, n), new OrganisationId(rs.getObject("organisation_id", UUID.class))))
        .optional();
  }

  /** Records a decision on an open pair; false when it was decided meanwhile. */
  public boolean decide(PairId id, DuplicatePair.Status status, String by, MergeId merge) {
    return jdbc.sql(
                """
                update duplicate_pair set status = :s, decided_by = :by, decided_at = :now,
                  merge_id = :m where id = :id and status = 'OPEN'
                """)
            .param("s", status.name())
            .param("by", by)
            .param("now", OffsetDateTime.now(clock))
            .param("m", merge == null ? null : merge.value(), java.sql.Types.OTHER)
            .param("id", id.value())
            .update()
        == 1;
  }

  /** After an undo: the pair is open again, for a new decision. */
  public void reopen(PairId id) {
    jdbc.sql(
            "update duplicate_pair set status = 'OPEN', decided_by = null, decided_at = null,"
                + " merge_id = null where id = :id")
        .param("id", id.value())
        .update();
  }

  /** Pairs of an erased member go: they would say that she was there. */
  public void forget(UUID member) {
    jdbc.sql("delete from duplicate_pair where member_a = :m or member_b = :m")
        .param("m", member)
        .update();
  }

  private static DuplicatePair pair(ResultSet rs, int n) throws SQLException {
    UUID merge = rs.getObject("merge_id", UUID.class);
    return new DuplicatePair(
        new PairId(rs.getObject("id", UUID.class)),
        new MemberId(rs.getObject("member_a", UUID.class)),
        null,
        new MemberId(rs.getObject("member_b", UUID.class)),
        null,
        rs.getDouble("score"),
        Band.valueOf(rs.getString("band")),
        DuplicatePair.Status.valueOf(rs.getString("status")),
        evidence(rs.getString("evidence")),
        rs.getObject("found_at", OffsetDateTime.class),
        merge == null ? null : new MergeId(merge));
  }

  static Map<String, String> evidence(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }
}
