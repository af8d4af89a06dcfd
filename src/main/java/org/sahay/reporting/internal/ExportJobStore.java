package org.sahay.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.reporting.ExportJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Export jobs, each scoped to its collective and the user who asked. */
@Repository
public class ExportJobStore {

  private static final String COLUMNS =
      "id, organisation_id, requested_by, kind, format, period_from, period_until, purpose,"
          + " status, rows_total, rows_done, created_at, finished_at, expires_at";

  private final JdbcClient jdbc;

  ExportJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ExportJob job) {
    jdbc.sql(
            "insert into export_job ("
                + COLUMNS
                + ") values (:id, :org, :by, :kind, :format, :from, :until, :purpose, :status,"
                + " :total, 0, :created, null, :expires)")
        .param("id", job.id())
        .param("org", job.organisation().value())
        .param("by", job.requestedBy())
        .param("kind", job.kind())
        .param("format", job.format().name())
        .param("from", job.from())
        .param("until", job.until())
        .param("purpose", job.purpose())
        .param("status", job.status().name())
        .param("total", job.rowsTotal())
        .param("created", job.createdAt())
        .param("expires", job.expiresAt())
        .update();
  }

  /** The job, only for the collective and the user who asked for it. */
  public Optional<ExportJob> find(UUID id, OrganisationId organisation, String requestedBy) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from export_job where id = :id and organisation_id = :org and requested_by = :by")
        .param("id", id)
        .param("org", organisation.value())
        .param("by", requestedBy)
        .query((rs, i) -> row(rs))
        .optional();
  }

  public List<ExportJob> of(OrganisationId organisation, String requestedBy) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from export_job where organisation_id = :org and requested_by = :by"
                + " order by created_at desc limit 20")
        .param("org", organisation.value())
        .param("by", requestedBy)
        .query((rs, i) -> row(rs))
        .list();
  }

  /**
   * Records how far a job has got, in a transaction of its own: it is called while the rows are
   * read inside a read-only one (PostgreSQL refuses a write there).
   */
  @org.springframework.transaction.annotation.Transactional(
      propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void progress(UUID id, ExportJob.Status status, long done, OffsetDateTime finished) {
    jdbc.sql(
            "update export_job set status = :status, rows_done = :done, finished_at = :finished"
                + " where id = :id")
        .param("status", status.name())
        .param("done", done)
        .param("finished", finished)
        .param("id", id)
        .update();
  }

  /** Jobs whose time is up: their files are deleted before their rows. */
  public List<UUID> expired(OffsetDateTime now) {
    return jdbc.sql("select id from export_job where expires_at <= :now")
        .param("now", now)
        .query(UUID.class)
        .list();
  }

  /** The jobs of a collective, whatever their state, so that their files can be deleted. */
  public List<UUID> ofCollective(OrganisationId organisation) {
    return jdbc.sql("select id from export_job where organisation_id = :org")
        .param("org", organisation.value())
        .query(UUID.class)
        .list();
  }

  /** Jobs left running when the application stopped; they cannot finish. */
  public int failUnfinished(OffsetDateTime now) {
    return jdbc.sql(
            "update export_job set status = 'FAILED', finished_at = :now"
                + " where status in ('QUEUED', 'RUNNING')")
        .param("now", now)
        .update();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from export_job where id = :id").param("id", id).update();
  }

  private static ExportJob row(ResultSet rs) throws SQLException {
    return new ExportJob(
        rs.getObject("id", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        rs.getString("requested_by"),
        rs.getString("kind"),
        ExportJob.Format.valueOf(rs.getString("format")),
        rs.getObject("period_from", java.time.LocalDate.class),
        rs.getObject("period_until", java.time.LocalDate.class),
        rs.getString("purpose"),
        ExportJob.Status.valueOf(rs.getString("status")),
        rs.getLong("rows_total"),
        rs.getLong("rows_done"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class),
        rs.getObject("expires_at", OffsetDateTime.class));
  }
}
