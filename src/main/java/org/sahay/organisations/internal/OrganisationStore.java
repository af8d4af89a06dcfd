package org.sahay.organisations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.ShortCode;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations and their links. */
@Repository
public class OrganisationStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  OrganisationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(Organisation o) {
    jdbc.sql(
            """
            insert into organisation (id, name, kind, state, district, short_code,
              default_language, time_zone, active, created_at)
            values (:id, :name, :kind, :state, :district, :code, :lang, :zone, :active, :now)
            """)
        .param("id", o.id().value())
        .param("name", o.name())
        .param("kind", o.kind().name())
        .param("state", o.state())
        .param("district", o.district())
        .param("code", o.shortCode().value())
        .param("lang", o.defaultLanguage().code())
        .param("zone", o.timeZone().getId())
        .param("active", o.active())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Organisation> find(OrganisationId id) {
    return jdbc.sql("select * from organisation where id = :id")
        .param("id", id.value())
        .query(OrganisationStore::map)
        .optional();
  }

  public List<Organisation> all() {
    return jdbc.sql("select * from organisation order by name")
        .query(OrganisationStore::map)
        .list();
  }

  public boolean shortCodeTaken(ShortCode code) {
    return jdbc.sql("select count(*) from organisation where short_code = :c")
            .param("c", code.value())
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean linked(OrganisationId from, LinkKind kind, OrganisationId to) {
    return jdbc.sql(
                "select count(*) from organisation_link where from_organisation_id = :f"
                    + " and to_organisation_id = :t and kind = :k")
            .param("f", from.value())
            .param("t", to.value())
            .param("k", kind.name())
            .query(Long.class)
            .single()
        > 0;
  }

  public void link(OrganisationId from, LinkKind kind, OrganisationId to) {
    jdbc.sql(
            "insert into organisation_link (from_organisation_id, to_organisation_id, kind,"
                + " created_at) values (:f, :t, :k, :now)")
        .param("f", from.value())
        .param("t", to.value())
        .param("k", kind.name())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<Organisation> linkedFrom(OrganisationId from, LinkKind kind) {
    return jdbc.sql(
            "select o.* from organisation o join organisation_link l on l.to_organisation_id = o.id"
                + " where l.from_organisation_id = :f and l.kind = :k order by o.name")
        .param("f", from.value())
        .param("k", kind.name())
        .query(OrganisationStore::map)
        .list();
  }

  public List<Organisation> linkedTo(OrganisationId to, LinkKind kind) {
    return jdbc.sql(
            "select o.* from organisation o join organisation_link l"
                + " on l.from_organisation_id = o.id"
                + " where l.to_organisation_id = :t and l.kind = :k order by o.name")
        .param("t", to.value())
        .param("k", kind.name())
        .query(OrganisationStore::map)
        .list();
  }

  public Optional<String> registration80g(OrganisationId id) {
    return jdbc.sql("select registration_80g from organisation where id = :id")
        .param("id", id.value())
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(r -> r);
  }

  public void setRegistration80g(OrganisationId id, String registration) {
    jdbc.sql("update organisation set registration_80g = :r where id = :id")
        .param("r", registration, java.sql.Types.VARCHAR)
        .param("id", id.value())
        .update();
  }

  private static Organisation map(ResultSet rs, int row) throws SQLException {
    return new Organisation(
        new OrganisationId(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        OrganisationKind.valueOf(rs.getString("kind")),
        rs.getString("state"),
        rs.getString("district"),
        new ShortCode(rs.getString("short_code")),
        Language.fromCode(rs.getString("default_language")).orElse(Language.EN),
        ZoneId.of(rs.getString("time_zone")),
        rs.getBoolean("active"));
  }
}
