package org.sahay.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.care.Dose;
import org.sahay.care.Vaccine;
import org.sahay.platform.Ids;
import org.sahay.platform.Names;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vaccines and the doses members of a collective were given. */
@Repository
public class VaccinationStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  VaccinationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Vaccine> vaccines() {
    return jdbc.sql(
            "select code, name_en, name_hi, name_te, name_bn, doses, intervals from vaccine"
                + " order by code")
        .query(VaccinationStore::vaccine)
        .list();
  }

  public Optional<Vaccine> vaccine(String code) {
    return jdbc.sql(
            "select code, name_en, name_hi, name_te, name_bn, doses, intervals from vaccine"
                + " where code = :code")
        .param("code", code)
        .query(VaccinationStore::vaccine)
        .optional();
  }

  /** Changes a vaccine's doses and intervals. */
  public void intervals(String code, int doses, List<Period> intervals) {
    jdbc.sql(
            "update vaccine set doses = :doses, intervals = :intervals, updated_at = :now"
                + " where code = :code")
        .param("doses", doses)
        .param("intervals", String.join(",", intervals.stream().map(Period::toString).toList()))
        .param("now", OffsetDateTime.now(clock))
        .param("code", code)
        .update();
  }

  /** Records a dose; false when that dose of that vaccine is on record for her already. */
  public boolean insert(OrganisationId organisation, Dose dose, String by) {
    return jdbc.sql(
                """
                insert into vaccination_dose (id, organisation_id, member_id, vaccine_code,
                  dose_number, given_on, place, recorded_by, recorded_at)
                values (:id, :org, :member, :vaccine, :number, :on, :place, :by, :now)
                on conflict do nothing
                """)
            .param("id", dose.id() == null ? Ids.newId() : dose.id())
            .param("org", organisation.value())
            .param("member", dose.member().value())
            .param("vaccine", dose.vaccine())
            .param("number", dose.number())
            .param("on", dose.givenOn())
            .param("place", dose.place(), java.sql.Types.VARCHAR)
            .param("by", by)
            .param("now", OffsetDateTime.now(clock))
            .update()
        == 1;
  }

  /** A member's doses, by vaccine and dose. */
  public List<Dose> of(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select "
                + DOSE
                + " from vaccination_dose where organisation_id = :org and member_id = :member"
                + " order by vaccine_code, dose_number")
        .param("org", organisation.value())
        .param("member", member.value())
        .query(VaccinationStore::dose)
        .list();
  }

  /** Every dose given in the collective, by member. */
  public List<Dose> all(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + DOSE
                + " from vaccination_dose where organisation_id = :org"
                + " order by member_id, vaccine_code, dose_number")
        .param("org", organisation.value())
        .query(VaccinationStore::dose)
        .list();
  }

  /** Doses given in the collective on or after {@code since}. */
  public long givenSince(OrganisationId organisation, LocalDate since) {
    return jdbc.sql(
            "select count(*) from vaccination_dose where organisation_id = :org"
                + " and given_on >= :since")
        .param("org", organisation.value())
        .param("since", since)
        .query(Long.class)
        .single();
  }

  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql("delete from vaccination_dose where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }

  private static final String DOSE = "id, member_id, vaccine_code, dose_number, given_on, place";

  private static Dose dose(ResultSet rs, int n) throws SQLException {
    return new Dose(
        rs.getObject(1, UUID.class),
        new MemberId(rs.getObject(2, UUID.class)),
        rs.getString(3),
        rs.getInt(4),
        rs.getObject(5, LocalDate.class),
        rs.getString(6));
  }

  private static Vaccine vaccine(ResultSet rs, int n) throws SQLException {
    String intervals = rs.getString(7);
    return new Vaccine(
        rs.getString(1),
        new Names(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        rs.getInt(6),
        intervals.isBlank()
            ? List.of()
            : Arrays.stream(intervals.split(",")).map(String::strip).map(Period::parse).toList());
  }
}
