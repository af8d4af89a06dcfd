package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DependentKind;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Housing;
import org.sahay.registry.IncomeSource;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Households, their members and dependents. Every query names the organisation it is scoped to;
 * erased members are never listed. Members' names are opened from their sealed personal fields;
 * dependents' names and notes are sealed under a data key of the household.
 */
@Repository
public class HouseholdStore {

  /** A household's own columns. */
  public record Row(
      HouseholdId id,
      OrganisationId organisation,
      Housing housing,
      Money monthlyRent,
      Money electricityArrears,
      List<IncomeSource> incomeSources,
      String village,
      String district,
      int version) {}

  /** A dependent's name and notes, sealed together. */
  private record DependentFields(String name, String notes) {}

  static final String DEPENDENT = "dependent";
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PersonalData personal;
  private final org.sahay.platform.Vault vault;

  HouseholdStore(
      JdbcClient jdbc, Clock clock, PersonalData personal, org.sahay.platform.Vault vault) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.personal = personal;
    this.vault = vault;
  }

  public void insert(HouseholdId id, OrganisationId organisation, ValidHousehold h) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into household (id, organisation_id, head_member_id, housing,
              monthly_rent_paise, electricity_arrears_paise, income_sources, village_sealed,
              district, version, created_at, updated_at)
            values (:id, :org, :head, :housing, :rent, :arrears, :income, :village, :district, 0,
              :now, :now)
            """)
        .param("id", id.value())
        .param("org", organisation.value())
        .params(columns(h))
        .param("village", sealVillage(id, organisation, h.village()), java.sql.Types.VARBINARY)
        .param("now", now)
        .update();
    replaceMembers(id, organisation, h.members(), h.head());
    replaceDependents(id, organisation, h.dependents());
  }

  /**
   * Changes a household if nobody changed it since {@code version}; false when somebody did, and
   * then nothing was written.
   */
  public boolean update(
      HouseholdId id, OrganisationId organisation, int version, ValidHousehold h) {
    int changed =
        jdbc.sql(
                """
                update household set head_member_id = :head, housing = :housing,
                  monthly_rent_paise = :rent, electricity_arrears_paise = :arrears,
                  income_sources = :income, village = null, village_sealed = :village,
                  district = :district,
                  version = version + 1, updated_at = :now
                where id = :id and organisation_id = :org and version = :version
                """)
            .params(columns(h))
            .param("village", sealVillage(id, organisation, h.village()), java.sql.Types.VARBINARY)
            .param("now", OffsetDateTime.now(clock))
            .param("id", id.value())
            .param("org", organisation.value())
            .param("version", version)
            .update();
    if (changed != 1) {
      return false;
    }
    replaceMembers(id, organisation, h.members(), h.head());
    replaceDependents(id, organisation, h.dependents());
    return true;
  }

  /** The household, unless it was erased. */
  public Optional<Row> find(HouseholdId id) {
    return jdbc.sql("select * from household where id = :id and erased_at is null")
        .param("id", id.value())
        .query(this::row)
        .optional();
  }

  /**
   * Erases the household: its key goes (its dependents' names and notes and its village were sealed
   * under it), its dependents and member links are deleted, its facts emptied; the row stays as a
   * tombstone. Its members stay members of the collective.
   */
  public void erase(HouseholdId id) {
    personal.destroyKey(id.value());
    jdbc.sql("delete from household_dependent where household_id = :h")
        .param("h", id.value())
        .update();
    jdbc.sql("delete from household_member where household_id = :h")
        .param("h", id.value())
        .update();
    jdbc.sql(
            """
            update household set head_member_id = null, village = null, village_sealed = null,
              district = null, income_sources = null, monthly_rent_paise = null,
              electricity_arrears_paise = null, erased_at = :now, updated_at = :now,
              version = version + 1
            where id = :h
            """)
        .param("now", OffsetDateTime.now(clock))
        .param("h", id.value())
        .update();
  }

  public Optional<Integer> version(HouseholdId id, OrganisationId organisation) {
    return jdbc.sql("select version from household where id = :id and organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .query(Integer.class)
        .optional();
  }

  /** The household a member of the collective lives in, if any. */
  public Optional<HouseholdId> householdOf(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select household_id from household_member"
                + " where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .query((rs, n) -> new HouseholdId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /**
   * For each of {@code members} that is a (not erased) member of the collective: the household it
   * lives in, or empty. Members of other collectives are simply absent.
   */
  public Map<MemberId, Optional<HouseholdId>> memberships(
      OrganisationId organisation, Collection<MemberId> members) {
    Map<MemberId, Optional<HouseholdId>> found = new HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select m.id, hm.household_id from member m
              left join household_member hm
                on hm.member_id = m.id and hm.organisation_id = m.organisation_id
            where m.organisation_id = :org and m.status not in ('ERASED', 'MERGED') and m.id in (:ids)
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(
            (ResultSet rs) -> {
              UUID household = rs.getObject(2, UUID.class);
              found.put(
                  new MemberId(rs.getObject(1, UUID.class)),
                  Optional.ofNullable(household).map(HouseholdId::new));
            });
    return found;
  }

  /**
   * For each of {@code households} of the collective: the code of its head, or of its first member
   * when the head is no (not erased) member; households left with no member are absent.
   */
  public Map<HouseholdId, String> codes(
      OrganisationId organisation, Collection<HouseholdId> households) {
    Map<HouseholdId, String> found = new HashMap<>();
    if (households.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select h.id, coalesce(head.code, (select min(m.code) from household_member hm
                join member m on m.id = hm.member_id and m.status not in ('ERASED', 'MERGED')
                where hm.household_id = h.id))
            from household h
              left join member head on head.id = h.head_member_id and head.status not in ('ERASED', 'MERGED')
            where h.organisation_id = :org and h.id in (:ids)
            """)
        .param("org", organisation.value())
        .param("ids", households.stream().map(HouseholdId::value).toList())
        .query(
            (ResultSet rs) -> {
              String code = rs.getString(2);
              if (code != null) {
                found.put(new HouseholdId(rs.getObject(1, UUID.class)), code);
              }
            });
    return found;
  }

  /** The member with this code in the collective (not erased). */
  public Optional<MemberId> memberByCode(OrganisationId organisation, String code) {
    return jdbc.sql(
            "select id from member where organisation_id = :org and code = :code"
                + " and status not in ('ERASED', 'MERGED')")
        .param("org", organisation.value())
        .param("code", code)
        .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** Code and name of those of {@code members} who are (not erased) members of the collective. */
  public List<Household.Person> people(OrganisationId organisation, Collection<MemberId> members) {
    if (members.isEmpty()) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            select id, code, personal, 'MEMBER' from member
            where organisation_id = :org and status not in ('ERASED', 'MERGED') and id in (:ids)
            order by code
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(HouseholdStore::person)
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), this::named));
  }

  /** The household's members, the head first. */
  public List<Household.Person> members(HouseholdId id, OrganisationId organisation) {
    return jdbc
        .sql(
            """
            select m.id, m.code, m.personal, hm.relation from household_member hm
              join member m on m.id = hm.member_id and m.organisation_id = hm.organisation_id
            where hm.household_id = :id and hm.organisation_id = :org and m.status not in ('ERASED', 'MERGED')
            order by case when hm.relation = 'HEAD' then 0 else 1 end, m.code
            """)
        .param("id", id.value())
        .param("org", organisation.value())
        .query(HouseholdStore::person)
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), this::named));
  }

  /** A dependent's name and notes as sealed; null when neither is known. */
  static String dependentJson(String name, String notes) {
    return name == null && notes == null
        ? null
        : JSON.writeValueAsString(new DependentFields(name, notes));
  }

  private record SealedPerson(MemberId id, String code, byte[] personal, boolean head) {}

  private static SealedPerson person(ResultSet rs, int n) throws SQLException {
    return new SealedPerson(
        new MemberId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        rs.getBytes(3),
        "HEAD".equals(rs.getString(4)));
  }

  private List<Household.Person> named(List<SealedPerson> people) {
    var keys = personal.keys(people.stream().map(SealedPerson::id).toList());
    return people.stream()
        .map(
            p ->
                new Household.Person(
                    p.id(), p.code(), personal.open(keys, p.id(), p.personal()).name(), p.head()))
        .toList();
  }

  public List<Household.Dependent> dependents(HouseholdId id, OrganisationId organisation) {
    return jdbc.sql(
            """
            select kind, sealed, age, in_school from household_dependent
            where household_id = :id and organisation_id = :org
            order by sort_order
            """)
        .param("id", id.value())
        .param("org", organisation.value())
        .query(
            (rs, n) -> {
              DependentFields f =
                  vault
                      .decrypt(id.value(), DEPENDENT, rs.getBytes(2))
                      .map(json -> JSON.readValue(json, DependentFields.class))
                      .orElse(new DependentFields(null, null));
              return new Household.Dependent(
                  DependentKind.valueOf(rs.getString(1)),
                  f.name(),
                  rs.getInt(3),
                  (Boolean) rs.getObject(4),
                  f.notes());
            })
        .list();
  }

  private void replaceMembers(
      HouseholdId id, OrganisationId organisation, List<MemberId> members, MemberId head) {
    jdbc.sql("delete from household_member where household_id = :id and organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .update();
    for (MemberId member : members) {
      jdbc.sql(
              """
              insert into household_member (household_id, member_id, organisation_id, relation)
              values (:id, :member, :org, :relation)
              """)
          .param("id", id.value())
          .param("member", member.value())
          .param("org", organisation.value())
          .param("relation", member.equals(head) ? "HEAD" : "MEMBER")
          .update();
    }
  }

  private void replaceDependents(
      HouseholdId id, OrganisationId organisation, List<Household.Dependent> dependents) {
    jdbc.sql("delete from household_dependent where household_id = :id and organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .update();
    if (!dependents.isEmpty() && !vault.hasKey(id.value())) {
      vault.createKey(id.value(), organisation);
    }
    int order = 0;
    for (Household.Dependent d : dependents) {
      String sealed = dependentJson(d.name(), d.notes());
      jdbc.sql(
              """
              insert into household_dependent (id, household_id, organisation_id, sort_order,
                kind, sealed, age, in_school)
              values (:id, :household, :org, :order, :kind, :sealed, :age, :inSchool)
              """)
          .param("id", Ids.newId())
          .param("household", id.value())
          .param("org", organisation.value())
          .param("order", order++)
          .param("kind", d.kind().name())
          .param("sealed", vault.encrypt(id.value(), DEPENDENT, sealed), java.sql.Types.VARBINARY)
          .param("age", d.age())
          .param("inSchool", d.inSchool(), java.sql.Types.BOOLEAN)
          .update();
    }
  }

  private static Map<String, Object> columns(ValidHousehold h) {
    Map<String, Object> p = new HashMap<>();
    p.put("head", h.head() == null ? null : h.head().value());
    p.put("housing", h.housing().name());
    p.put("rent", h.monthlyRent() == null ? null : h.monthlyRent().paise());
    p.put("arrears", h.electricityArrears() == null ? null : h.electricityArrears().paise());
    p.put(
        "income",
        h.incomeSources().isEmpty()
            ? null
            : String.join(",", h.incomeSources().stream().map(Enum::name).toList()));
    p.put("district", h.district());
    return p;
  }

  static final String VILLAGE = "village";

  /** The village sealed under the household's key (made on first need); null for none. */
  private byte[] sealVillage(HouseholdId id, OrganisationId organisation, String village) {
    if (village == null || village.isBlank()) {
      return null;
    }
    if (!vault.hasKey(id.value())) {
      vault.createKey(id.value(), organisation);
    }
    return vault.encrypt(id.value(), VILLAGE, village);
  }

  private String village(UUID id, ResultSet rs) throws SQLException {
    byte[] sealed = rs.getBytes("village_sealed");
    if (sealed != null) {
      // Gone with the household's key once its last member is erased.
      return vault.decrypt(id, VILLAGE, sealed).orElse(null);
    }
    return rs.getString("village"); // written before V17, until the start-up upgrade seals it
  }

  private Row row(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String income = rs.getString("income_sources");
    Long rent = (Long) rs.getObject("monthly_rent_paise");
    Long arrears = (Long) rs.getObject("electricity_arrears_paise");
    return new Row(
        new HouseholdId(id),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        Housing.valueOf(rs.getString("housing")),
        rent == null ? null : Money.ofPaise(rent),
        arrears == null ? null : Money.ofPaise(arrears),
        income == null
            ? List.of()
            : Arrays.stream(income.split(",")).map(IncomeSource::valueOf).toList(),
        village(id, rs),
        rs.getString("district"),
        rs.getInt("version"));
  }
}
