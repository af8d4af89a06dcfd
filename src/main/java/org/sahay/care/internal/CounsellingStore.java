package org.sahay.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Group sessions with their attendance, individual sessions, and whom notes are shared with. */
@Repository
public class CounsellingStore {

  /** A group session as stored, with how many attended. */
  public record Group(UUID id, String topic, String facilitator, LocalDate heldOn, int attended) {}

  /** An individual session as stored; notes sealed, or null when none were written. */
  public record Session(
      UUID id,
      MemberId member,
      String counsellor,
      LocalDate heldOn,
      String mode,
      byte[] notes,
      LocalDate followUpOn) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CounsellingStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void group(
      OrganisationId organisation,
      UUID id,
      String topic,
      String facilitator,
      LocalDate heldOn,
      Collection<MemberId> attended,
      String by) {
    jdbc.sql(
            """
            insert into counselling_group_session (id, organisation_id, topic, facilitator,
              held_on, recorded_by, recorded_at)
            values (:id, :org, :topic, :facilitator, :on, :by, :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .param("topic", topic)
        .param("facilitator", facilitator)
        .param("on", heldOn)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
    for (MemberId member : attended) {
      jdbc.sql(
              "insert into counselling_attendance (session_id, organisation_id, member_id)"
                  + " values (:id, :org, :member)")
          .param("id", id)
          .param("org", organisation.value())
          .param("member", member.value())
          .update();
    }
  }

  /** The collective's group sessions since {@code since}, the latest first. */
  public List<Group> groups(OrganisationId organisation, LocalDate since) {
    return jdbc.sql(
            """
            select g.id, g.topic, g.facilitator, g.held_on,
              (select count(*) from counselling_attendance a where a.session_id = g.id)
            from counselling_group_session g
            where g.organisation_id = :org and g.held_on >= :since
            order by g.held_on desc, g.recorded_at desc
            """)
        .param("org", organisation.value())
        .param("since", since)
        .query(
            (rs, n) ->
                new Group(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getInt(5)))
        .list();
  }

  public void session(OrganisationId organisation, Session s) {
    jdbc.sql(
            """
            insert into counselling_session (id, organisation_id, member_id, counsellor, held_on,
              mode, notes, follow_up_on, recorded_at)
            values (:id, :org, :member, :counsellor, :on, :mode, :notes, :followUp, :now)
            """)
        .param("id", s.id())
        .param("org", organisation.value())
        .param("member", s.member().value())
        .param("counsellor", s.counsellor())
        .param("on", s.heldOn())
        .param("mode", s.mode())
        .param("notes", s.notes(), java.sql.Types.VARBINARY)
        .param("followUp", s.followUpOn(), java.sql.Types.DATE)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  private static final String SESSION =
      "id, member_id, counsellor, held_on, mode, notes, follow_up_on";

  private static Session session(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Session(
        rs.getObject(1, UUID.class),
        new MemberId(rs.getObject(2, UUID.class)),
        rs.getString(3),
        rs.getObject(4, LocalDate.class),
        rs.getString(5),
        rs.getBytes(6),
        rs.getObject(7, LocalDate.class));
  }

  /** A member's individual sessions, the latest first. */
  public List<Session> sessions(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select "
                + SESSION
                + " from counselling_session where organisation_id = :org and member_id = :member"
                + " order by held_on desc, recorded_at desc")
        .param("org", organisation.value())
        .param("member", member.value())
        .query((rs, n) -> session(rs))
        .list();
  }

  /**
   * Each member's latest individual session whose follow-up day is {@code by} or before: the
   * follow-ups due, the oldest first.
   */
  public List<Session> followUpsDue(OrganisationId organisation, LocalDate by) {
    return jdbc.sql(
            "select "
                + SESSION
                + " from counselling_session s where organisation_id = :org"
                + " and follow_up_on <= :by and not exists (select 1 from counselling_session l"
                + " where l.organisation_id = s.organisation_id and l.member_id = s.member_id"
                + " and (l.held_on > s.held_on or (l.held_on = s.held_on"
                + " and l.recorded_at > s.recorded_at)))"
                + " order by follow_up_on, id")
        .param("org", organisation.value())
        .param("by", by)
        .query((rs, n) -> session(rs))
        .list();
  }

  /** The day of a member's latest individual session, if any. */
  public java.util.Optional<LocalDate> lastContact(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select held_on from counselling_session where organisation_id = :org"
                + " and member_id = :member order by held_on desc limit 1")
        .param("org", organisation.value())
        .param("member", member.value())
        .query(LocalDate.class)
        .optional();
  }

  /** Group and individual sessions held in the collective on or after {@code since}. */
  public long heldSince(OrganisationId organisation, LocalDate since) {
    return jdbc.sql(
            """
            select (select count(*) from counselling_group_session
                    where organisation_id = :org and held_on >= :since)
                 + (select count(*) from counselling_session
                    where organisation_id = :org and held_on >= :since)
            """)
        .param("org", organisation.value())
        .param("since", since)
        .query(Long.class)
        .single();
  }

  public boolean sharedWith(OrganisationId organisation, MemberId member, String username) {
    return jdbc.sql(
                "select count(*) from counselling_share where organisation_id = :org"
                    + " and member_id = :member and username = :user")
            .param("org", organisation.value())
            .param("member", member.value())
            .param("user", username)
            .query(Long.class)
            .single()
        > 0;
  }

  public void share(OrganisationId organisation, MemberId member, String username, String by) {
    jdbc.sql(
            """
            insert into counselling_share (organisation_id, member_id, username, granted_by,
              granted_at)
            values (:org, :member, :user, :by, :now)
            on conflict do nothing
            """)
        .param("org", organisation.value())
        .param("member", member.value())
        .param("user", username)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void unshare(OrganisationId organisation, MemberId member, String username) {
    jdbc.sql(
            "delete from counselling_share where organisation_id = :org and member_id = :member"
                + " and username = :user")
        .param("org", organisation.value())
        .param("member", member.value())
        .param("user", username)
        .update();
  }

  /** The users a member's notes are shared with. */
  public List<String> shares(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select username from counselling_share where organisation_id = :org"
                + " and member_id = :member order by username")
        .param("org", organisation.value())
        .param("member", member.value())
        .query(String.class)
        .list();
  }

  public void forgetMember(OrganisationId organisation, MemberId member) {
    for (String table :
        new String[] {"counselling_attendance", "counselling_session", "counselling_share"}) {
      jdbc.sql("delete from " + table + " where organisation_id = :org and member_id = :member")
          .param("org", organisation.value())
          .param("member", member.value())
          .update();
    }
  }
}
