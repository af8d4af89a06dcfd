package org.sahay.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Trainings, who attended, and each one's sealed material. */
@Repository
public class TrainingStore {

  /** A training as stored, with how many attended and whether it has material. */
  public record Row(
      UUID id, String topic, String trainer, LocalDate heldOn, int attended, String materialType) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  TrainingStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(
      OrganisationId organisation,
      UUID id,
      String topic,
      String trainer,
      LocalDate heldOn,
      Collection<MemberId> attended,
      String by) {
    jdbc.sql(
            """
            insert into training (id, organisation_id, topic, trainer, held_on, recorded_by,
              recorded_at)
            values (:id, :org, :topic, :trainer, :on, :by, :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .param("topic", topic)
        .param("trainer", trainer)
        .param("on", heldOn)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
    for (MemberId member : attended) {
      jdbc.sql(
              "insert into training_attendance (training_id, organisation_id, member_id)"
                  + " values (:id, :org, :member)")
          .param("id", id)
          .param("org", organisation.value())
          .param("member", member.value())
          .update();
    }
  }

  public List<Row> all(OrganisationId organisation) {
    return jdbc.sql(
            """
            select t.id, t.topic, t.trainer, t.held_on,
              (select count(*) from training_attendance a where a.training_id = t.id),
              t.material_type
            from training t where t.organisation_id = :org
            order by t.held_on desc, t.recorded_at desc
            """)
        .param("org", organisation.value())
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getInt(5),
                    rs.getString(6)))
        .list();
  }

  public boolean exists(OrganisationId organisation, UUID id) {
    return jdbc.sql("select count(*) from training where id = :id and organisation_id = :org")
            .param("id", id)
            .param("org", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  public void material(OrganisationId organisation, UUID id, byte[] sealed, String type) {
    jdbc.sql(
            "update training set material = :sealed, material_type = :type"
                + " where id = :id and organisation_id = :org")
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("type", type)
        .param("id", id)
        .param("org", organisation.value())
        .update();
  }

  /** The sealed material and its type, when there is one. */
  public Optional<Object[]> material(OrganisationId organisation, UUID id) {
    return jdbc.sql(
            "select material, material_type from training where id = :id"
                + " and organisation_id = :org and material is not null")
        .param("id", id)
        .param("org", organisation.value())
        .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)})
        .optional();
  }

  /** The topics of the trainings a member attended, the latest first. */
  public List<String> attendedBy(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            """
            select t.topic from training t join training_attendance a on a.training_id = t.id
            where a.organisation_id = :org and a.member_id = :member order by t.held_on desc
            """)
        .param("org", organisation.value())
        .param("member", member.value())
        .query(String.class)
        .list();
  }

  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql("delete from training_attendance where organisation_id = :org and member_id = :m")
        .param("org", organisation.value())
        .param("m", member.value())
        .update();
  }
}
