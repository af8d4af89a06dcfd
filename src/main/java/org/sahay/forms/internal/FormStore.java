package org.sahay.forms.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Form versions and submissions of collectives. Every query names the organisation. */
@Repository
public class FormStore {

  /** A stored version of a form. */
  public record Version(
      UUID id,
      OrganisationId organisation,
      String formId,
      String version,
      String title,
      String definition,
      boolean builtIn,
      boolean sensitive,
      OffsetDateTime createdAt) {}

  /** A stored submission, its answers still sealed. */
  public record Submission(
      UUID id,
      OrganisationId organisation,
      UUID versionId,
      UUID member,
      UUID household,
      byte[] answers,
      String submittedBy,
      OffsetDateTime submittedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  FormStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insertVersion(Version v, String by) {
    insertVersion(v, by, "");
  }

  /**
   * Stores the version unless the collective has it already; a concurrent caller storing the same
   * version is waited for, in the caller's own transaction and connection.
   */
  public void insertVersionIfAbsent(Version v, String by) {
    insertVersion(v, by, " on conflict do nothing");
  }

  private void insertVersion(Version v, String by, String onConflict) {
    jdbc.sql(
            """
            insert into form_version (id, organisation_id, form_id, version, title, definition,
              built_in, sensitive, created_by, created_at)
            values (:id, :org, :formId, :version, :title, :definition, :builtIn, :sensitive, :by,
              :now)"""
                + onConflict)
        .param("id", v.id())
        .param("org", v.organisation().value())
        .param("formId", v.formId())
        .param("version", v.version())
        .param("title", v.title(), java.sql.Types.VARCHAR)
        .param("definition", v.definition())
        .param("builtIn", v.builtIn())
        .param("sensitive", v.sensitive())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Version> version(OrganisationId organisation, String formId, String version) {
    return jdbc.sql(
            "select * from form_version where organisation_id = :org and form_id = :formId"
                + " and version = :version")
        .param("org", organisation.value())
        .param("formId", formId)
        .param("version", version)
        .query(FormStore::version)
        .optional();
  }

  public Optional<Version> version(UUID id) {
    return jdbc.sql("select * from form_version where id = :id")
        .param("id", id)
        .query(FormStore::version)
        .optional();
  }

  /** The latest uploaded (not built-in) version of a form of the collective. */
  public Optional<Version> latestUploaded(OrganisationId organisation, String formId) {
    return jdbc.sql(
            """
            select * from form_version
            where organisation_id = :org and form_id = :formId and built_in = false
            order by created_at desc, id desc limit 1
            """)
        .param("org", organisation.value())
        .param("formId", formId)
        .query(FormStore::version)
        .optional();
  }

  /** The latest uploaded version of each form of the collective. */
  public List<Version> uploaded(OrganisationId organisation) {
    return jdbc.sql(
            """
            select * from form_version v
            where v.organisation_id = :org and v.built_in = false
              and not exists (select 1 from form_version w
                where w.organisation_id = v.organisation_id and w.form_id = v.form_id
                  and w.built_in = false
                  and (w.created_at > v.created_at
                    or (w.created_at = v.created_at and w.id > v.id)))
            order by v.form_id
            """)
        .param("org", organisation.value())
        .query(FormStore::version)
        .list();
  }

  public void insertSubmission(Submission s) {
    jdbc.sql(
            """
            insert into form_submission (id, organisation_id, form_version_id, member_id,
              household_id, answers, submitted_by, submitted_at)
            values (:id, :org, :version, :member, :household, :answers, :by, :at)
            """)
        .param("id", s.id())
        .param("org", s.organisation().value())
        .param("version", s.versionId())
        .params(uuid("member", s.member()))
        .params(uuid("household", s.household()))
        .param("answers", s.answers())
        .param("by", s.submittedBy())
        .param("at", s.submittedAt())
        .update();
  }

  public Optional<Submission> submission(UUID id) {
    return jdbc.sql("select * from form_submission where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Submission(
                    rs.getObject("id", UUID.class),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    rs.getObject("form_version_id", UUID.class),
                    rs.getObject("member_id", UUID.class),
                    rs.getObject("household_id", UUID.class),
                    rs.getBytes("answers"),
                    rs.getString("submitted_by"),
                    rs.getObject("submitted_at", OffsetDateTime.class)))
        .optional();
  }

  /** A screening submitted about a member: which form, when, and its sealed answers. */
  public record Screening(UUID id, String formId, OffsetDateTime submittedAt, byte[] answers) {}

  /**
   * Screenings ({@code formIds}) submitted about one member, or about every member of the
   * collective when {@code member} is null, the oldest first; with the member's id in {@code id}'s
   * place when listing all is not wanted, callers ask per member.
   */
  public List<Screening> screenings(
      OrganisationId organisation, UUID member, java.util.Collection<String> formIds) {
    return jdbc.sql(
            """
            select s.id, v.form_id, s.submitted_at, s.answers from form_submission s
              join form_version v on v.id = s.form_version_id
            where s.organisation_id = :org and s.member_id = :member and v.form_id in (:forms)
              and s.answers is not null
            order by s.submitted_at, s.id
            """)
        .param("org", organisation.value())
        .param("member", member)
        .param("forms", formIds)
        .query(
            (rs, n) ->
                new Screening(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, OffsetDateTime.class),
                    rs.getBytes(4)))
        .list();
  }

  /** Members of the collective with a screening of {@code formId} since {@code since}, by id. */
  public List<UUID> screenedSince(
      OrganisationId organisation, String formId, OffsetDateTime since) {
    return jdbc.sql(
            """
            select distinct s.member_id from form_submission s
              join form_version v on v.id = s.form_version_id
            where s.organisation_id = :org and v.form_id = :form and s.submitted_at >= :since
              and s.member_id is not null and s.answers is not null
            """)
        .param("org", organisation.value())
        .param("form", formId)
        .param("since", since)
        .query(UUID.class)
        .list();
  }

  /** The submissions about a member (their data keys are destroyed when she is erased). */
  public List<UUID> submissionsAbout(OrganisationId organisation, UUID member) {
    return jdbc.sql(
            "select id from form_submission where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member)
        .query(UUID.class)
        .list();
  }

  /** Keeps the row (which form, when) for counts; drops the answers and the link to the member. */
  public void forgetMember(OrganisationId organisation, UUID member) {
    jdbc.sql(
            "update form_submission set answers = null, member_id = null"
                + " where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member)
        .update();
  }

  /** A UUID parameter that may be null: typed only when null, as both databases accept. */
  private static java.util.Map<String, Object> uuid(String name, UUID value) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put(
        name,
        value == null
            ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.OTHER, null)
            : value);
    return p;
  }

  private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Version(
        rs.getObject("id", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        rs.getString("form_id"),
        rs.getString("version"),
        rs.getString("title"),
        rs.getString("definition"),
        rs.getBoolean("built_in"),
        rs.getBoolean("sensitive"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
