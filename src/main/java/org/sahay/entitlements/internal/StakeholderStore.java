package org.sahay.entitlements.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.entitlements.EngagementId;
import org.sahay.entitlements.EngagementKind;
import org.sahay.entitlements.StakeholderId;
import org.sahay.entitlements.StakeholderKind;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stakeholders, their contact people and engagements, sealed parts as stored; by organisation. */
@Repository
public class StakeholderStore {

  /** A stakeholder as stored. */
  public record Row(StakeholderId id, StakeholderKind kind, String name, String district) {}

  /** A contact person as stored: sealed under the contact's own key. */
  public record ContactRow(UUID id, byte[] sealed) {}

  /** An engagement as stored: what it says is sealed under the engagement's own key. */
  public record EngagementRow(
      EngagementId id,
      StakeholderId stakeholder,
      EngagementKind kind,
      LocalDate on,
      byte[] sealed,
      LocalDate followUpOn,
      boolean followedUp,
      UUID donation,
      UUID receipt) {}

  private static final org.springframework.jdbc.core.RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              new StakeholderId(rs.getObject(1, UUID.class)),
              StakeholderKind.valueOf(rs.getString(2)),
              rs.getString(3),
              rs.getString(4));

  private final JdbcClient jdbc;
  private final Clock clock;

  StakeholderStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(OrganisationId organisation, Row s) {
    jdbc.sql(
            "insert into stakeholder (id, organisation_id, kind, name, district, created_at)"
                + " values (:id, :org, :kind, :name, :district, :now)")
        .param("id", s.id().value())
        .param("org", organisation.value())
        .param("kind", s.kind().name())
        .param("name", s.name())
        .param("district", s.district())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<Row> all(OrganisationId organisation) {
    return jdbc.sql(
            "select id, kind, name, district from stakeholder where organisation_id = :org"
                + " order by name, id")
        .param("org", organisation.value())
        .query(ROW)
        .list();
  }

  public Optional<Row> find(OrganisationId organisation, StakeholderId id) {
    return jdbc.sql(
            "select id, kind, name, district from stakeholder where organisation_id = :org"
                + " and id = :id")
        .param("org", organisation.value())
        .param("id", id.value())
        .query(ROW)
        .optional();
  }

  public void contact(
      OrganisationId organisation, StakeholderId stakeholder, UUID id, byte[] sealed) {
    jdbc.sql(
            "insert into stakeholder_contact (id, stakeholder_id, organisation_id, sealed,"
                + " created_at) values (:id, :s, :org, :sealed, :now)")
        .param("id", id)
        .param("s", stakeholder.value())
        .param("org", organisation.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<ContactRow> contacts(OrganisationId organisation, StakeholderId stakeholder) {
    return jdbc.sql(
            "select id, sealed from stakeholder_contact where stakeholder_id = :s"
                + " and organisation_id = :org order by created_at, id")
        .param("s", stakeholder.value())
        .param("org", organisation.value())
        .query((rs, n) -> new ContactRow(rs.getObject(1, UUID.class), rs.getBytes(2)))
        .list();
  }

  /** Deletes a contact person of the stakeholder; false when there was none. */
  public boolean deleteContact(OrganisationId organisation, StakeholderId stakeholder, UUID id) {
    return jdbc.sql(
                "delete from stakeholder_contact where id = :id and stakeholder_id = :s"
                    + " and organisation_id = :org")
            .param("id", id)
            .param("s", stakeholder.value())
            .param("org", organisation.value())
            .update()
        == 1;
  }

  public void engagement(OrganisationId organisation, EngagementRow e, String by) {
    jdbc.sql(
            """
            insert into engagement (id, stakeholder_id, organisation_id, kind, happened_on, sealed,
              follow_up_on, followed_up, donation_id, stock_receipt_id, recorded_by, recorded_at)
            values (:id, :s, :org, :kind, :on, :sealed, :followUp, false, :donation, :receipt, :by,
              :now)
            """)
        .param("id", e.id().value())
        .param("s", e.stakeholder().value())
        .param("org", organisation.value())
        .param("kind", e.kind().name())
        .param("on", e.on())
        .param("sealed", e.sealed(), java.sql.Types.VARBINARY)
        .param("followUp", e.followUpOn())
        .param("donation", e.donation())
        .param("receipt", e.receipt())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<EngagementRow> engagements(OrganisationId organisation, StakeholderId stakeholder) {
    return jdbc.sql(
            "select "
                + ENGAGEMENT
                + " from engagement where organisation_id = :org"
                + " and stakeholder_id = :s order by happened_on desc, recorded_at desc")
        .param("org", organisation.value())
        .param("s", stakeholder.value())
        .query((rs, n) -> engagement(rs))
        .list();
  }

  /** Follow-ups not done whose day is {@code by} or before, the oldest first. */
  public List<EngagementRow> due(OrganisationId organisation, LocalDate by) {
    return jdbc.sql(
            "select "
                + ENGAGEMENT
                + " from engagement where organisation_id = :org"
                + " and followed_up = false and follow_up_on <= :by order by follow_up_on, id")
        .param("org", organisation.value())
        .param("by", by)
        .query((rs, n) -> engagement(rs))
        .list();
  }

  public boolean followedUp(OrganisationId organisation, EngagementId id) {
    return jdbc.sql(
                "update engagement set followed_up = true where id = :id and organisation_id = :org"
                    + " and followed_up = false")
            .param("id", id.value())
            .param("org", organisation.value())
            .update()
        == 1;
  }

  /** Whether the organisation has the engagement (followed up or not). */
  public boolean hasEngagement(OrganisationId organisation, EngagementId id) {
    return jdbc.sql("select count(*) from engagement where id = :id and organisation_id = :org")
            .param("id", id.value())
            .param("org", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  private static final String ENGAGEMENT =
      "id, stakeholder_id, kind, happened_on, sealed, follow_up_on, followed_up, donation_id,"
          + " stock_receipt_id";

  private static EngagementRow engagement(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new EngagementRow(
        new EngagementId(rs.getObject(1, UUID.class)),
        new StakeholderId(rs.getObject(2, UUID.class)),
        EngagementKind.valueOf(rs.getString(3)),
        rs.getObject(4, LocalDate.class),
        rs.getBytes(5),
        rs.getObject(6, LocalDate.class),
        rs.getBoolean(7),
        rs.getObject(8, UUID.class),
        rs.getObject(9, UUID.class));
  }
}
