package org.sahay.matching.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.sahay.matching.MergeId;
import org.sahay.matching.PairId;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Merges made, by whom and when, and whether they were undone. */
@Repository
public class MergeLog {

  /** A merge as recorded. */
  public record Entry(
      MergeId id,
      OrganisationId organisation,
      MemberId survivor,
      MemberId merged,
      PairId pair,
      boolean undone) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  MergeLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(Entry e, String by) {
    jdbc.sql(
            """
            insert into member_merge (id, organisation_id, survivor_id, merged_id, pair_id,
              merged_by, merged_at) values (:id, :o, :s, :m, :p, :by, :now)
            """)
        .param("id", e.id().value())
        .param("o", e.organisation().value())
        .param("s", e.survivor().value())
        .param("m", e.merged().value())
        .param("p", e.pair().value())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Entry> find(MergeId id) {
    return jdbc.sql("select * from member_merge where id = :id")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new Entry(
                    new MergeId(rs.getObject("id", UUID.class)),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    new MemberId(rs.getObject("survivor_id", UUID.class)),
                    new MemberId(rs.getObject("merged_id", UUID.class)),
                    new PairId(rs.getObject("pair_id", UUID.class)),
                    rs.getObject("undone_at") != null))
        .optional();
  }

  /** Marks the merge undone; false when it already was. */
  public boolean undone(MergeId id, String by) {
    return jdbc.sql(
                "update member_merge set undone_by = :by, undone_at = :now"
                    + " where id = :id and undone_at is null")
            .param("by", by)
            .param("now", OffsetDateTime.now(clock))
            .param("id", id.value())
            .update()
        == 1;
  }
}
