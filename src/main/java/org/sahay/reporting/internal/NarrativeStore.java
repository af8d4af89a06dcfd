package org.sahay.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The narratives of donor reports, one per subject and period, changed by version. */
@Repository
public class NarrativeStore {

  /** A narrative as saved. */
  public record Narrative(String body, int version, String updatedBy, OffsetDateTime updatedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  NarrativeStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Narrative> find(
      OrganisationId organisation, UUID subject, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select body, version, updated_by, updated_at from donor_narrative
            where organisation_id = :org and subject_id = :subject
              and period_from = :from and period_to = :to
            """)
        .param("org", organisation.value())
        .param("subject", subject)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, i) ->
                new Narrative(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class)))
        .optional();
  }

  /**
   * Saves the narrative written over {@code version} (null for a first one); false when somebody
   * saved another in between, or two first ones raced, so that nothing written is lost silently.
   */
  public boolean save(
      OrganisationId organisation,
      String kind,
      UUID subject,
      LocalDate from,
      LocalDate to,
      String body,
      Integer version,
      String by) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    if (version != null) {
      return jdbc.sql(
                  """
                  update donor_narrative set body = :body, version = version + 1,
                    updated_by = :by, updated_at = :now
                  where organisation_id = :org and subject_id = :subject
                    and period_from = :from and period_to = :to and version = :version
                  """)
              .param("body", body)
              .param("by", by)
              .param("now", now)
              .param("org", organisation.value())
              .param("subject", subject)
              .param("from", from)
              .param("to", to)
              .param("version", version)
              .update()
          == 1;
    }
    try {
      jdbc.sql(
              """
              insert into donor_narrative (organisation_id, subject_kind, subject_id, period_from,
                period_to, body, version, updated_by, updated_at)
              values (:org, :kind, :subject, :from, :to, :body, 0, :by, :now)
              """)
          .param("org", organisation.value())
          .param("kind", kind)
          .param("subject", subject)
          .param("from", from)
          .param("to", to)
          .param("body", body)
          .param("by", by)
          .param("now", now)
          .update();
      return true;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return false;
    }
  }
}
