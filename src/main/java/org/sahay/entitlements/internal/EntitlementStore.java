package org.sahay.entitlements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.entitlements.Entitlement;
import org.sahay.entitlements.EntitlementId;
import org.sahay.entitlements.EntitlementStatus;
import org.sahay.entitlements.SchemeId;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where members and households stand with schemes, and every step; scoped by organisation. */
@Repository
public class EntitlementStore {

  private static final String COLUMNS =
      "id, scheme_id, member_id, household_id, status, status_on, helped_by, version";

  private static final RowMapper<Entitlement> ENTITLEMENT = EntitlementStore::entitlement;

  private static final RowMapper<Entitlement.Step> STEP =
      (rs, n) ->
          new Entitlement.Step(
              EntitlementStatus.valueOf(rs.getString("status")),
              rs.getObject("status_on", LocalDate.class),
              rs.getString("recorded_by"),
              rs.getObject("recorded_at", OffsetDateTime.class));

  private final JdbcClient jdbc;
  private final Clock clock;

  EntitlementStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What is recorded for a member and for her household (either may be null), without history. */
  public List<Entitlement> of(OrganisationId organisation, MemberId member, HouseholdId household) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from entitlement where organisation_id = :org"
                + " and (member_id = :member or household_id = :household)")
        .param("org", organisation.value())
        .param("member", member == null ? null : member.value())
        .param("household", household == null ? null : household.value())
        .query(ENTITLEMENT)
        .list();
  }

  /** The one row of a member's (or a household's) standing with a scheme, with its history. */
  public Optional<Entitlement> find(
      OrganisationId organisation, SchemeId scheme, MemberId member, HouseholdId household) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from entitlement where organisation_id = :org and scheme_id = :scheme and "
                + (member != null ? "member_id = :subject" : "household_id = :subject"))
        .param("org", organisation.value())
        .param("scheme", scheme.value())
        .param("subject", member != null ? member.value() : household.value())
        .query(ENTITLEMENT)
        .optional()
        .map(e -> withHistory(organisation, e));
  }

  /**
   * The first step with a scheme: false when another request recorded one first (the caller then
   * reads it and answers as for a stale version).
   */
  public boolean insert(
      OrganisationId organisation,
      SchemeId scheme,
      MemberId member,
      HouseholdId household,
      EntitlementStatus status,
      LocalDate on,
      String by) {
    UUID id = Ids.newId();
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean first =
        jdbc.sql(
                    """
                    insert into entitlement (id, organisation_id, scheme_id, member_id,
                      household_id, status, status_on, helped_by, version, updated_at)
                    values (:id, :org, :scheme, :member, :household, :status, :on, :by, 0, :now)
                    on conflict do nothing
                    """)
                .param("id", id)
                .param("org", organisation.value())
                .param("scheme", scheme.value())
                .param("member", member == null ? null : member.value())
                .param("household", household == null ? null : household.value())
                .param("status", status.name())
                .param("on", on)
                .param("by", by)
                .param("now", now)
                .update()
            == 1;
    if (first) {
      step(organisation, id, status, on, by, now);
    }
    return first;
  }

  /** A later step, if the row is still at {@code version}; false when someone changed it first. */
  public boolean update(
      OrganisationId organisation,
      EntitlementId id,
      int version,
      EntitlementStatus status,
      LocalDate on,
      String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean changed =
        jdbc.sql(
                    """
                    update entitlement set status = :status, status_on = :on, helped_by = :by,
                      version = version + 1, updated_at = :now
                    where id = :id and organisation_id = :org and version = :version
                    """)
                .param("status", status.name())
                .param("on", on)
                .param("by", by)
                .param("now", now)
                .param("id", id.value())
                .param("org", organisation.value())
                .param("version", version)
                .update()
            == 1;
    if (changed) {
      step(organisation, id.value(), status, on, by, now);
    }
    return changed;
  }

  /** One standing by its id, in the organisation. */
  public Optional<Entitlement> byId(OrganisationId organisation, EntitlementId id) {
    return jdbc.sql(
            "select " + COLUMNS + " from entitlement where id = :id and organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .query(ENTITLEMENT)
        .optional();
  }

  /** Forgets an erased member's standing with every scheme, history and all. */
  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql(
            "delete from entitlement_event where entitlement_id in (select id from entitlement"
                + " where organisation_id = :org and member_id = :member)")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
    jdbc.sql("delete from entitlement where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }

  /** How many members or households of the organisation stand with each scheme, by status. */
  public Map<SchemeId, Map<EntitlementStatus, Long>> counts(OrganisationId organisation) {
    Map<SchemeId, Map<EntitlementStatus, Long>> counts = new HashMap<>();
    jdbc.sql(
            "select scheme_id, status, count(*) from entitlement where organisation_id = :org"
                + " group by scheme_id, status")
        .param("org", organisation.value())
        .query(
            (ResultSet rs) -> {
              counts
                  .computeIfAbsent(
                      new SchemeId(rs.getObject(1, UUID.class)),
                      k -> new java.util.EnumMap<>(EntitlementStatus.class))
                  .put(EntitlementStatus.valueOf(rs.getString(2)), rs.getLong(3));
            });
    return counts;
  }

  /**
   * Grants of schemes that give a document, by month of the grant and document, from {@code since}:
   * year, month, document, how many.
   */
  public List<Object[]> grantsByMonth(OrganisationId organisation, LocalDate since) {
    return jdbc.sql(
            """
            select extract(year from e.status_on) y, extract(month from e.status_on) m,
              s.grants_document, count(*)
            from entitlement_event e join entitlement t on t.id = e.entitlement_id
              join scheme s on s.id = t.scheme_id
            where e.organisation_id = :org and e.status = 'GRANTED' and e.status_on >= :since
              and s.grants_document is not null
            group by extract(year from e.status_on), extract(month from e.status_on),
              s.grants_document
            order by y, m, s.grants_document
            """)
        .param("org", organisation.value())
        .param("since", since)
        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4)})
        .list();
  }

  private void step(
      OrganisationId organisation,
      UUID entitlement,
      EntitlementStatus status,
      LocalDate on,
      String by,
      OffsetDateTime now) {
    jdbc.sql(
            """
            insert into entitlement_event (id, entitlement_id, organisation_id, status, status_on,
              recorded_by, recorded_at)
            values (:id, :entitlement, :org, :status, :on, :by, :now)
            """)
        .param("id", Ids.newId())
        .param("entitlement", entitlement)
        .param("org", organisation.value())
        .param("status", status.name())
        .param("on", on)
        .param("by", by)
        .param("now", now)
        .update();
  }

  private Entitlement withHistory(OrganisationId organisation, Entitlement e) {
    List<Entitlement.Step> history =
        new ArrayList<>(
            jdbc.sql(
                    "select status, status_on, recorded_by, recorded_at from entitlement_event"
                        + " where entitlement_id = :id and organisation_id = :org"
                        + " order by recorded_at, id")
                .param("id", e.id().value())
                .param("org", organisation.value())
                .query(STEP)
                .list());
    return new Entitlement(
        e.id(),
        e.scheme(),
        e.member(),
        e.household(),
        e.status(),
        e.statusOn(),
        e.helpedBy(),
        e.version(),
        history);
  }

  private static Entitlement entitlement(ResultSet rs, int n) throws SQLException {
    UUID member = rs.getObject("member_id", UUID.class);
    UUID household = rs.getObject("household_id", UUID.class);
    return new Entitlement(
        new EntitlementId(rs.getObject("id", UUID.class)),
        new SchemeId(rs.getObject("scheme_id", UUID.class)),
        member == null ? null : new MemberId(member),
        household == null ? null : new HouseholdId(household),
        EntitlementStatus.valueOf(rs.getString("status")),
        rs.getObject("status_on", LocalDate.class),
        rs.getString("helped_by"),
        rs.getInt("version"),
        List.of());
  }
}
