package org.sahay.entitlements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.entitlements.Drive;
import org.sahay.entitlements.DriveId;
import org.sahay.entitlements.SchemeId;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drives and the members in them; every query names the organisation. */
@Repository
public class DriveStore {

  private static final String COLUMNS =
      "d.id, d.scheme_id, d.name, d.starts_on, d.ends_on, d.place, d.target_group,"
          + " d.target_number, d.created_by,"
          + " (select count(*) from drive_member m where m.drive_id = d.id) members";

  private static final RowMapper<Drive> DRIVE = DriveStore::drive;

  private final JdbcClient jdbc;
  private final Clock clock;

  DriveStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(OrganisationId organisation, Drive d) {
    jdbc.sql(
            """
            insert into drive (id, organisation_id, scheme_id, name, starts_on, ends_on, place,
              target_group, target_number, created_by, created_at)
            values (:id, :org, :scheme, :name, :starts, :ends, :place, :group, :target, :by, :now)
            """)
        .param("id", d.id().value())
        .param("org", organisation.value())
        .param("scheme", d.scheme().value())
        .param("name", d.name())
        .param("starts", d.startsOn())
        .param("ends", d.endsOn())
        .param("place", d.place())
        .param("group", d.targetGroup())
        .param("target", d.targetNumber())
        .param("by", d.createdBy())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** The organisation's drives, the latest first. */
  public List<Drive> all(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from drive d where d.organisation_id = :org order by d.starts_on desc, d.id")
        .param("org", organisation.value())
        .query(DRIVE)
        .list();
  }

  public Optional<Drive> find(OrganisationId organisation, DriveId id) {
    return jdbc.sql(
            "select " + COLUMNS + " from drive d where d.id = :id and d.organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .query(DRIVE)
        .optional();
  }

  /** Adds members to a drive; returns how many were not in it already. */
  public int add(OrganisationId organisation, DriveId drive, List<MemberId> members, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int added = 0;
    for (MemberId member : members) {
      added +=
          jdbc.sql(
                  """
                  insert into drive_member (drive_id, member_id, organisation_id, added_by, added_at)
                  values (:drive, :member, :org, :by, :now) on conflict do nothing
                  """)
              .param("drive", drive.value())
              .param("member", member.value())
              .param("org", organisation.value())
              .param("by", by)
              .param("now", now)
              .update();
    }
    return added;
  }

  /** The members of a drive, in the order they were added. */
  public List<MemberId> members(OrganisationId organisation, DriveId drive) {
    return jdbc.sql(
            "select member_id from drive_member where drive_id = :drive and organisation_id = :org"
                + " order by added_at, member_id")
        .param("drive", drive.value())
        .param("org", organisation.value())
        .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** Takes an erased member out of every drive. */
  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql("delete from drive_member where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }

  private static Drive drive(ResultSet rs, int n) throws SQLException {
    return new Drive(
        new DriveId(rs.getObject("id", UUID.class)),
        new SchemeId(rs.getObject("scheme_id", UUID.class)),
        rs.getString("name"),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        rs.getString("place"),
        rs.getString("target_group"),
        rs.getInt("target_number"),
        rs.getString("created_by"),
        rs.getInt("members"));
  }
}
