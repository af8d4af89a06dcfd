package org.sahay.matching.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.sahay.matching.DuplicateScan;
import org.sahay.matching.ScanId;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scans for duplicates: who asked, and how far each has got. */
@Repository
public class ScanStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  ScanStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public ScanId create(OrganisationId organisation, String by) {
    ScanId id = new ScanId(org.sahay.platform.Ids.newId());
    jdbc.sql(
            """
            insert into duplicate_scan (id, organisation_id, requested_by, status, members_total,
              members_done, candidates, likely, possible, created_at)
            values (:id, :o, :by, 'QUEUED', 0, 0, 0, 0, 0, :now)
            """)
        .param("id", id.value())
        .param("o", organisation == null ? null : organisation.value(), java.sql.Types.OTHER)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
    return id;
  }

  public void progress(ScanId id, DuplicateScan.Status status, long total, long done) {
    jdbc.sql(
            "update duplicate_scan set status = :s, members_total = :t, members_done = :d"
                + " where id = :id")
        .param("s", status.name())
        .param("t", total)
        .param("d", done)
        .param("id", id.value())
        .update();
  }

  public void finish(
      ScanId id,
      DuplicateScan.Status status,
      long candidates,
      long likely,
      long possible,
      String model) {
    jdbc.sql(
            """
            update duplicate_scan set status = :s, candidates = :c, likely = :l, possible = :p,
              model = :m, finished_at = :now, members_done = members_total where id = :id
            """)
        .param("s", status.name())
        .param("c", candidates)
        .param("l", likely)
        .param("p", possible)
        .param("m", model, java.sql.Types.VARCHAR)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id.value())
        .update();
  }

  /** A scan, with the collective it was for (null: all, the nightly scan). */
  public Optional<java.util.Map.Entry<DuplicateScan, UUID>> find(ScanId id) {
    return jdbc.sql("select * from duplicate_scan where id = :id")
        .param("id", id.value())
        .query(
            (rs, n) ->
                java.util.Map.entry(
                    scan(rs), nullable(rs.getObject("organisation_id", UUID.class))))
        .optional();
  }

  /** The collective's scan that is queued or running, if there is one. */
  public Optional<ScanId> unfinished(OrganisationId organisation) {
    return jdbc.sql(
            "select id from duplicate_scan where organisation_id = :o"
                + " and status in ('QUEUED', 'RUNNING') order by created_at desc limit 1")
        .param("o", organisation.value())
        .query(UUID.class)
        .optional()
        .map(ScanId::new);
  }

  /** Scans left running by a node that stopped: they will not finish. */
  public void failUnfinished() {
    jdbc.sql(
            "update duplicate_scan set status = 'FAILED', finished_at = :now"
                + " where status in ('QUEUED', 'RUNNING')")
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  private static UUID nullable(UUID id) {
    return id == null ? new UUID(0, 0) : id;
  }

  private static DuplicateScan scan(ResultSet rs) throws SQLException {
    return new DuplicateScan(
        new ScanId(rs.getObject("id", UUID.class)),
        DuplicateScan.Status.valueOf(rs.getString("status")),
        rs.getLong("members_total"),
        rs.getLong("members_done"),
        rs.getLong("candidates"),
        rs.getLong("likely"),
        rs.getLong("possible"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class));
  }
}
