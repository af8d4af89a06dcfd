package org.sahay.registry.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.BulkRows;
import org.sahay.platform.Database;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports and the fingerprints of the rows they created. */
@Repository
public class ImportStore {

  /** An import as stored; {@code content} is encrypted, null once the import ended. */
  public record ImportRow(
      UUID id,
      OrganisationId organisation,
      String createdBy,
      String fileName,
      String fileSha256,
      String format,
      byte[] content,
      String headers,
      String mapping,
      String mode,
      String status,
      int totalRows,
      Integer validRows,
      Integer invalidRows,
      int processedRows,
      int importedRows,
      int skippedRows,
      String report,
      String failure) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final BulkRows bulk;
  private final Database database;

  ImportStore(JdbcClient jdbc, Clock clock, BulkRows bulk, Database database) {
    this.bulk = bulk;
    this.database = database;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(
      UUID id,
      OrganisationId organisation,
      String createdBy,
      String fileName,
      String sha256,
      String format,
      byte[] content,
      String headers,
      int rows) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into member_import (id, organisation_id, created_by, file_name, file_sha256,
              format, content, headers, status, total_rows, processed_rows, imported_rows,
              skipped_rows, created_at, updated_at)
            values (:id, :org, :by, :name, :sha, :format, :content, :headers, 'UPLOADED', :rows,
              0, 0, 0, :now, :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .param("by", createdBy)
        .param("name", fileName)
        .param("sha", sha256)
        .param("format", format)
        .param("content", content)
        .param("headers", headers)
        .param("rows", rows)
        .param("now", now)
        .update();
  }

  public Optional<ImportRow> find(UUID id) {
    return jdbc.sql("select * from member_import where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new ImportRow(
                    rs.getObject("id", UUID.class),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    rs.getString("created_by"),
                    rs.getString("file_name"),
                    rs.getString("file_sha256"),
                    rs.getString("format"),
                    rs.getBytes("content"),
                    rs.getString("headers"),
                    rs.getString("mapping"),
                    rs.getString("mode"),
                    rs.getString("status"),
                    rs.getInt("total_rows"),
                    (Integer) rs.getObject("valid_rows"),
                    (Integer) rs.getObject("invalid_rows"),
                    rs.getInt("processed_rows"),
                    rs.getInt("imported_rows"),
                    rs.getInt("skipped_rows"),
                    rs.getString("report"),
                    rs.getString("failure")))
        .optional();
  }

  /** When the same file was imported before into this collective, if ever. */
  public Optional<OffsetDateTime> earlierImportOf(
      OrganisationId organisation, String sha256, UUID not) {
    return jdbc.sql(
            "select max(created_at) from member_import where organisation_id = :org"
                + " and file_sha256 = :sha and id <> :id and status = 'DONE'")
        .param("org", organisation.value())
        .param("sha", sha256)
        .param("id", not)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional()
        .filter(t -> t != null);
  }

  public void validated(UUID id, String mapping, int valid, int invalid, String report) {
    jdbc.sql(
            """
            update member_import set mapping = :mapping, valid_rows = :valid,
              invalid_rows = :invalid, report = :report, status = 'VALIDATED', updated_at = :now
            where id = :id and status in ('UPLOADED', 'VALIDATED')
            """)
        .param("mapping", mapping)
        .param("valid", valid)
        .param("invalid", invalid)
        .param("report", report)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id)
        .update();
  }

  /** Marks the import running; false when it already runs or ran (a double click). */
  public boolean start(UUID id, String mode) {
    return jdbc.sql(
                "update member_import set status = 'RUNNING', mode = :mode, updated_at = :now"
                    + " where id = :id and status = 'VALIDATED'")
            .param("mode", mode)
            .param("now", OffsetDateTime.now(clock))
            .param("id", id)
            .update()
        == 1;
  }

  public void progress(UUID id, int processed, int imported, int skipped) {
    jdbc.sql(
            "update member_import set processed_rows = :p, imported_rows = :i, skipped_rows = :s,"
                + " updated_at = :now where id = :id")
        .param("p", processed)
        .param("i", imported)
        .param("s", skipped)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id)
        .update();
  }

  /** Ends the import and drops the uploaded file. */
  public void finish(UUID id, String status, String failure) {
    jdbc.sql(
            "update member_import set status = :status, failure = :failure, content = null,"
                + " updated_at = :now where id = :id")
        .param("status", status)
        .param("failure", failure)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id)
        .update();
  }

  /**
   * Imports a stopped node left running (no progress for ten minutes) are failed; the rows they
   * imported stay, and a new import of the file skips them.
   */
  public int failInterrupted() {
    return jdbc.sql(
            "update member_import set status = 'FAILED', failure = 'import.interrupted',"
                + " content = null where status = 'RUNNING' and updated_at < :stale")
        .param("stale", OffsetDateTime.now(clock).minusMinutes(10))
        .update();
  }

  /** Those of {@code fingerprints} already imported into the collective: one query a chunk. */
  public java.util.Set<String> seenAmong(
      OrganisationId organisation, java.util.Collection<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return new java.util.HashSet<>();
    }
    // The column is char(64): both databases give the value back padded with spaces.
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (!database.postgres()) {
      // H2 reads the whole table for an IN list against a char column, cast or not; a lookup per
      // row is an index probe each, and embedded.
      for (String f : fingerprints) {
        jdbc.sql(
                "select fingerprint from member_import_row where organisation_id = :org"
                    + " and fingerprint = :f")
            .param("org", organisation.value())
            .param("f", f)
            .query(String.class)
            .optional()
            .ifPresent(found -> seen.add(found.stripTrailing()));
      }
      return seen;
    }
    // One probe of the key per value, whatever the planner believes of the collective's size:
    // during a large import its statistics lag, and an IN list was planned as a read of every
    // fingerprint of the collective, for each chunk.
    List<String> values = List.copyOf(fingerprints);
    StringBuilder rows = new StringBuilder();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("org", organisation.value());
    for (int i = 0; i < values.size(); i++) {
      rows.append(i == 0 ? "" : ", ").append("(cast(:f").append(i).append(" as char(64)))");
      params.put("f" + i, values.get(i));
    }
    jdbc.sql(
            "select v.f from (values "
                + rows
                + ") as v(f) cross join lateral (select 1 from member_import_row r"
                + " where r.organisation_id = :org and r.fingerprint = v.f limit 1) hit")
        .params(params)
        .query(String.class)
        .list()
        .forEach(f -> seen.add(f.stripTrailing()));
    return seen;
  }

  /** Remembers each imported row's fingerprint and member, one bulk write for a chunk. */
  public void rememberAll(
      OrganisationId organisation,
      java.util.Map<String, UUID> membersByFingerprint,
      UUID importId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Object[]> rows = new java.util.ArrayList<>(membersByFingerprint.size());
    membersByFingerprint.forEach(
        (f, member) -> rows.add(new Object[] {organisation.value(), f, member, importId, now}));
    bulk.insert(
        "member_import_row",
        List.of("organisation_id", "fingerprint", "member_id", "import_id", "created_at"),
        rows);
  }
}
