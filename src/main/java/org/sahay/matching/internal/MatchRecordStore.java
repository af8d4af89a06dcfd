package org.sahay.matching.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.sahay.platform.BulkRows;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' match records: keyed hashes only. */
@Repository
public class MatchRecordStore {

  /** One member as a scan reads her. */
  public record Loaded(UUID member, UUID organisation, MatchFeatures features) {}

  /** Receives the records of a scan one by one. */
  public interface Sink {
    void take(UUID member, UUID organisation, byte[] features);
  }

  private static final int FETCH = 10_000;

  private final JdbcClient jdbc;
  private final BulkRows bulk;
  private final JdbcTemplate template;
  private final Clock clock;

  MatchRecordStore(JdbcClient jdbc, JdbcTemplate template, Clock clock, BulkRows bulk) {
    this.bulk = bulk;
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  public void save(UUID member, OrganisationId organisation, MatchFeatures features) {
    int updated =
        jdbc.sql(
                "update match_record set features = :f, updated_at = :now"
                    + " where member_id = :m")
            .param("f", features.encode())
            .param("now", OffsetDateTime.now(clock))
            .param("m", member)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into match_record (member_id, organisation_id, features, active, updated_at)"
                  + " values (:m, :o, :f, true, :now)")
          .param("m", member)
          .param("o", organisation.value())
          .param("f", features.encode())
          .param("now", OffsetDateTime.now(clock))
          .update();
    }
  }

  /** A new member's match features. */
  record New(UUID member, MatchFeatures features) {}

  /** The records of members registered together, who have none yet: one bulk write. */
  public void insertAll(OrganisationId organisation, java.util.List<New> members) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    bulk.insert(
        "match_record",
        java.util.List.of("member_id", "organisation_id", "features", "active", "updated_at"),
        members.stream()
            .map(
                n ->
                    new Object[] {
                      n.member(), organisation.value(), n.features().encode(), true, now
                    })
            .toList());
  }

  /** A merged record is left out of scans, and taken back in when the merge is undone. */
  public void active(UUID member, boolean active) {
    jdbc.sql("update match_record set active = :a where member_id = :m")
        .param("a", active)
        .param("m", member)
        .update();
  }

  public void delete(UUID member) {
    jdbc.sql("delete from match_record where member_id = :m").param("m", member).update();
  }

  public long count(OrganisationId organisation) {
    return organisation == null
        ? jdbc.sql("select count(*) from match_record where active").query(Long.class).single()
        : jdbc.sql("select count(*) from match_record where active and organisation_id = :o")
            .param("o", organisation.value())
            .query(Long.class)
            .single();
  }

  /**
   * Streams the records of one collective (or of all, by collective) to {@code sink}, with a cursor
   * rather than all rows at once; call inside a transaction (PostgreSQL uses a cursor only then).
   */
  public void forEach(OrganisationId organisation, Sink sink) {
    String sql =
        "select member_id, organisation_id, features from match_record"
            + " where active"
            + (organisation == null ? " order by organisation_id" : " and organisation_id = ?");
    template.query(
        con -> {
          var statement =
              con.prepareStatement(
                  sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
          statement.setFetchSize(FETCH);
          if (organisation != null) {
            statement.setObject(1, organisation.value());
          }
          return statement;
        },
        (java.sql.ResultSet rs) -> {
          sink.take(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3));
        });
  }

  public boolean backfilled(OrganisationId organisation) {
    return jdbc.sql("select count(*) from match_backfill where organisation_id = :o")
            .param("o", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  public void markBackfilled(OrganisationId organisation) {
    jdbc.sql("insert into match_backfill (organisation_id, done_at) values (:o, :now)")
        .param("o", organisation.value())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** Collectives that have match records. */
  public java.util.List<OrganisationId> collectives() {
    return jdbc
        .sql("select distinct organisation_id from match_record")
        .query(UUID.class)
        .list()
        .stream()
        .map(OrganisationId::new)
        .toList();
  }
}
