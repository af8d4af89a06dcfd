package org.sahay.care.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sealed records of a member and the entries added to each (loans and their repayments, incidents
 * and their follow-ups) as stored: only the member, whether it is open, and the version are in the
 * clear. The table names are fixed by each subclass, never taken from input.
 */
public class SealedStore {

  /** A record as stored. */
  public record Row(UUID id, MemberId member, byte[] sealed, boolean open, int version) {}

  /** An entry added to a record, as stored. */
  public record EntryRow(UUID id, byte[] sealed) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject(1, UUID.class),
              new MemberId(rs.getObject(2, UUID.class)),
              rs.getBytes(3),
              "OPEN".equals(rs.getString(4)),
              rs.getInt(5));

  private static final String COLUMNS = "id, member_id, sealed, status, version";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String table;
  private final String entries;
  private final String parent;

  SealedStore(JdbcClient jdbc, Clock clock, String table, String entries, String parent) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.table = table;
    this.entries = entries;
    this.parent = parent;
  }

  public void insert(
      OrganisationId organisation, UUID id, MemberId member, byte[] sealed, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            "insert into "
                + table
                + " (id, organisation_id, member_id, sealed, status, version, recorded_by,"
                + " recorded_at, updated_at) values (:id, :org, :member, :sealed, 'OPEN', 0, :by,"
                + " :now, :now)")
        .param("id", id)
        .param("org", organisation.value())
        .param("member", member.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("by", by)
        .param("now", now)
        .update();
  }

  /** Replaces what a record says and whether it is open; false when the version moved on. */
  public boolean update(
      OrganisationId organisation, UUID id, int version, byte[] sealed, boolean open) {
    return jdbc.sql(
                "update "
                    + table
                    + " set sealed = :sealed, status = :status, version = version + 1,"
                    + " updated_at = :now where id = :id and organisation_id = :org"
                    + " and version = :version")
            .param("sealed", sealed, java.sql.Types.VARBINARY)
            .param("status", open ? "OPEN" : "CLOSED")
            .param("now", OffsetDateTime.now(clock))
            .param("id", id)
            .param("org", organisation.value())
            .param("version", version)
            .update()
        == 1;
  }

  public Optional<Row> find(OrganisationId organisation, UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from " + table + " where id = :id and organisation_id = :org")
        .param("id", id)
        .param("org", organisation.value())
        .query(ROW)
        .optional();
  }

  public List<Row> ofMember(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from "
                + table
                + " where organisation_id = :org and member_id = :member"
                + " order by recorded_at, id")
        .param("org", organisation.value())
        .param("member", member.value())
        .query(ROW)
        .list();
  }

  /** The collective's open records, the oldest first. */
  public List<Row> open(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from "
                + table
                + " where organisation_id = :org and status = 'OPEN'"
                + " order by recorded_at, id")
        .param("org", organisation.value())
        .query(ROW)
        .list();
  }

  /** The collective's closed records. */
  public List<Row> closed(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from "
                + table
                + " where organisation_id = :org and status = 'CLOSED' order by recorded_at, id")
        .param("org", organisation.value())
        .query(ROW)
        .list();
  }

  /** Adds an entry to a record (a repayment, a follow-up). */
  public void add(OrganisationId organisation, UUID record, UUID id, byte[] sealed, String by) {
    jdbc.sql(
            "insert into "
                + entries
                + " (id, "
                + parent
                + ", organisation_id, sealed, recorded_by, recorded_at)"
                + " values (:id, :record, :org, :sealed, :by, :now)")
        .param("id", id)
        .param("record", record)
        .param("org", organisation.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** A record's entries, the first first. */
  public List<EntryRow> entries(OrganisationId organisation, UUID record) {
    return jdbc.sql(
            "select id, sealed from "
                + entries
                + " where "
                + parent
                + " = :record and organisation_id = :org order by recorded_at, id")
        .param("record", record)
        .param("org", organisation.value())
        .query((rs, n) -> new EntryRow(rs.getObject(1, UUID.class), rs.getBytes(2)))
        .list();
  }

  /** An erased member's records and their entries go. */
  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql(
            "delete from "
                + entries
                + " where organisation_id = :org and "
                + parent
                + " in (select id from "
                + table
                + " where organisation_id = :org and member_id = :member)")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
    jdbc.sql("delete from " + table + " where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }
}
