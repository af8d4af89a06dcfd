package org.sahay.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Livelihoods and how each stood over time; devices issued; how each member can be reached. */
@Repository
public class LivelihoodStore {

  /** A livelihood as stored. */
  public record Row(
      UUID id,
      MemberId member,
      String activity,
      LocalDate startedOn,
      UUID expense,
      UUID stockIssue) {}

  /** One status of a livelihood: when, what, the income band. */
  public record Status(LocalDate on, String status, String band) {}

  /** A device as stored. */
  public record Device(
      UUID id, MemberId member, String kind, LocalDate issuedOn, LocalDate returnedOn) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  LivelihoodStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(OrganisationId organisation, Row r, String by) {
    jdbc.sql(
            """
            insert into livelihood (id, organisation_id, member_id, activity, started_on,
              expense_id, stock_issue_id, recorded_by, recorded_at)
            values (:id, :org, :member, :activity, :on, :expense, :issue, :by, :now)
            """)
        .param("id", r.id())
        .param("org", organisation.value())
        .param("member", r.member().value())
        .param("activity", r.activity())
        .param("on", r.startedOn())
        .param("expense", r.expense())
        .param("issue", r.stockIssue())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void status(OrganisationId organisation, UUID livelihood, Status s, String by) {
    jdbc.sql(
            """
            insert into livelihood_status (id, livelihood_id, organisation_id, status_on, status,
              income_band, recorded_by, recorded_at)
            values (:id, :l, :org, :on, :status, :band, :by, :now)
            """)
        .param("id", Ids.newId())
        .param("l", livelihood)
        .param("org", organisation.value())
        .param("on", s.on())
        .param("status", s.status())
        .param("band", s.band())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** The collective's livelihoods, one member's, or one by its id (null for all). */
  public List<Row> all(OrganisationId organisation, MemberId member, UUID id) {
    return jdbc.sql(
            "select id, member_id, activity, started_on, expense_id, stock_issue_id"
                + " from livelihood where organisation_id = :org"
                + (member == null ? "" : " and member_id = :member")
                + (id == null ? "" : " and id = :id")
                + " order by started_on desc, id")
        .param("org", organisation.value())
        .param("member", member == null ? null : member.value())
        .param("id", id)
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    new MemberId(rs.getObject(2, UUID.class)),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, UUID.class),
                    rs.getObject(6, UUID.class)))
        .list();
  }

  public boolean exists(OrganisationId organisation, UUID id) {
    return jdbc.sql("select count(*) from livelihood where id = :id and organisation_id = :org")
            .param("id", id)
            .param("org", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** A livelihood's statuses, the first first. */
  public List<Status> statuses(OrganisationId organisation, UUID livelihood) {
    return jdbc.sql(
            "select status_on, status, income_band from livelihood_status"
                + " where livelihood_id = :l and organisation_id = :org"
                + " order by status_on, recorded_at")
        .param("l", livelihood)
        .param("org", organisation.value())
        .query(
            (rs, n) ->
                new Status(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
        .list();
  }

  public void device(OrganisationId organisation, Device d, String by) {
    jdbc.sql(
            """
            insert into device (id, organisation_id, member_id, kind, issued_on, recorded_by,
              recorded_at)
            values (:id, :org, :member, :kind, :on, :by, :now)
            """)
        .param("id", d.id())
        .param("org", organisation.value())
        .param("member", d.member().value())
        .param("kind", d.kind())
        .param("on", d.issuedOn())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public boolean returned(OrganisationId organisation, UUID id, LocalDate on) {
    return jdbc.sql(
                "update device set returned_on = :on where id = :id and organisation_id = :org"
                    + " and returned_on is null")
            .param("on", on)
            .param("id", id)
            .param("org", organisation.value())
            .update()
        == 1;
  }

  public List<Device> devices(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select id, member_id, kind, issued_on, returned_on from device"
                + " where organisation_id = :org"
                + (member == null ? "" : " and member_id = :member")
                + " order by issued_on desc, id")
        .param("org", organisation.value())
        .param("member", member == null ? null : member.value())
        .query(
            (rs, n) ->
                new Device(
                    rs.getObject(1, UUID.class),
                    new MemberId(rs.getObject(2, UUID.class)),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }

  public void reach(OrganisationId organisation, MemberId member, String reach) {
    jdbc.sql("delete from member_reach where member_id = :member and organisation_id = :org")
        .param("member", member.value())
        .param("org", organisation.value())
        .update();
    jdbc.sql(
            "insert into member_reach (member_id, organisation_id, reach, updated_at)"
                + " values (:member, :org, :reach, :now)")
        .param("member", member.value())
        .param("org", organisation.value())
        .param("reach", reach)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public java.util.Optional<String> reach(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select reach from member_reach where member_id = :member and organisation_id = :org")
        .param("member", member.value())
        .param("org", organisation.value())
        .query(String.class)
        .optional();
  }

  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql(
            "delete from livelihood_status where organisation_id = :org and livelihood_id in"
                + " (select id from livelihood where organisation_id = :org"
                + " and member_id = :m)")
        .param("org", organisation.value())
        .param("m", member.value())
        .update();
    for (String table : new String[] {"livelihood", "device", "member_reach"}) {
      jdbc.sql("delete from " + table + " where organisation_id = :org and member_id = :m")
          .param("org", organisation.value())
          .param("m", member.value())
          .update();
    }
  }
}
