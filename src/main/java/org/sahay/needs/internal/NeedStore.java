package org.sahay.needs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.needs.MetBy;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedEvent;
import org.sahay.needs.NeedId;
import org.sahay.needs.NeedSeverity;
import org.sahay.needs.NeedStatus;
import org.sahay.needs.NeedView;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Needs and their history. Every query names the organisation it is scoped to. */
@Repository
public class NeedStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  /** The plain columns of a sensitive need. */
  static final String SEALED = "SEALED";

  private static final String FIELD = "need";

  private final org.sahay.platform.Vault vault;

  NeedStore(JdbcClient jdbc, Clock clock, org.sahay.platform.Vault vault) {
    this.vault = vault;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public UUID insert(
      OrganisationId organisation,
      UUID member,
      UUID household,
      NeedCategory category,
      NeedSeverity severity,
      boolean sensitive,
      UUID submission,
      String followUpBy,
      String by) {
    UUID id = Ids.newId();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into need (id, organisation_id, member_id, household_id, category, severity,
              status, sensitive, follow_up_by, submission_id, version, created_at, updated_at)
            values (:id, :org, :member, :household, :category, :severity, 'OPEN', :sensitive,
              :followUpBy, :submission, 0, :now, :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .params(uuid("member", member))
        .params(uuid("household", household))
        .params(uuid("submission", submission))
        .param("category", sensitive ? SEALED : category.name())
        .param("severity", sensitive ? SEALED : severity.name())
        .param("sensitive", sensitive)
        .param("followUpBy", followUpBy, java.sql.Types.VARCHAR)
        .param("now", now)
        .update();
    if (sensitive) {
      seal(id, organisation, member != null ? member : household, category, severity);
    }
    history(id, NeedStatus.OPEN, sensitive ? null : severity, followUpBy, by, now);
    return id;
  }

  /** Changes status and follow-up if nobody changed the need since {@code version}. */
  public boolean update(
      UUID id,
      OrganisationId organisation,
      int version,
      NeedStatus status,
      NeedSeverity severity,
      String followUpBy,
      String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<NeedView> current = find(id);
    boolean sensitive = current.map(NeedView::sensitive).orElse(false);
    int changed =
        jdbc.sql(
                """
                update need set status = :status, severity = :severity,
                  follow_up_by = :followUpBy, version = version + 1, updated_at = :now
                where id = :id and organisation_id = :org and version = :version
                """)
            .param("status", status.name())
            .param("severity", sensitive ? SEALED : severity.name())
            .param("followUpBy", followUpBy, java.sql.Types.VARCHAR)
            .param("now", now)
            .param("id", id)
            .param("org", organisation.value())
            .param("version", version)
            .update();
    if (changed == 1) {
      if (sensitive) {
        NeedView was = current.get();
        UUID subject = was.member() != null ? was.member() : was.household();
        seal(id, organisation, subject, was.category(), severity);
      }
      history(id, status, sensitive ? null : severity, followUpBy, by, now);
    }
    return changed == 1;
  }

  public Optional<OrganisationId> organisationOf(UUID id) {
    return jdbc.sql("select organisation_id from need where id = :id")
        .param("id", id)
        .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** Whether any of the members or households has a need of the category open or being met. */
  public boolean anyOpen(
      OrganisationId organisation,
      NeedCategory category,
      java.util.Collection<UUID> members,
      java.util.Collection<UUID> households) {
    List<UUID> none = List.of(new UUID(0, 0));
    return jdbc.sql(
                """
                select count(*) from need
                where organisation_id = :org and category = :category
                  and status in ('OPEN', 'BEING_MET')
                  and (member_id in (:members) or household_id in (:households))
                """)
            .param("org", organisation.value())
            .param("category", category.name())
            .param("members", members.isEmpty() ? none : List.copyOf(members))
            .param("households", households.isEmpty() ? none : List.copyOf(households))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Marks met the needs of the category, open or being met, of these members or households (not the
   * sensitive ones: those are raised by screenings, which a hand-over does not answer). Returns the
   * needs it changed, each with the status it had; one changed meanwhile by somebody else is left
   * alone.
   */
  public Map<UUID, NeedStatus> meetOpen(
      OrganisationId organisation,
      NeedCategory category,
      java.util.Collection<UUID> members,
      java.util.Collection<UUID> households,
      String by) {
    if (members.isEmpty() && households.isEmpty()) {
      return Map.of();
    }
    List<UUID> none = List.of(new UUID(0, 0));
    List<NeedView> open =
        jdbc.sql(
                """
                select * from need
                where organisation_id = :org and category = :category
                  and status in ('OPEN', 'BEING_MET') and sensitive = false
                  and (member_id in (:members) or household_id in (:households))
                order by id
                """)
            .param("org", organisation.value())
            .param("category", category.name())
            .param("members", members.isEmpty() ? none : List.copyOf(members))
            .param("households", households.isEmpty() ? none : List.copyOf(households))
            .query(this::view)
            .list();
    Map<UUID, NeedStatus> met = new java.util.LinkedHashMap<>();
    for (NeedView need : open) {
      if (update(
          need.id().value(),
          organisation,
          need.version(),
          NeedStatus.MET,
          need.severity(),
          need.followUpBy(),
          by)) {
        met.put(need.id().value(), need.status());
      }
    }
    return met;
  }

  /**
   * Puts needs that are still met back where they were (what met them was reversed); returns those.
   */
  public List<UUID> reopen(OrganisationId organisation, Map<UUID, NeedStatus> was, String by) {
    List<UUID> reopened = new java.util.ArrayList<>();
    for (Map.Entry<UUID, NeedStatus> entry : was.entrySet()) {
      UUID id = entry.getKey();
      Optional<NeedView> need = find(id).filter(n -> n.status() == NeedStatus.MET);
      if (need.isPresent()
          && update(
              id,
              organisation,
              need.get().version(),
              entry.getValue(),
              need.get().severity(),
              need.get().followUpBy(),
              by)) {
        reopened.add(id);
      }
    }
    return reopened;
  }

  /**
   * The needs of one member (or, for a household-level assessment, of the household itself) that
   * are open or being met, screening needs or the others; locked until the transaction ends, so
   * that two assessments at once update them one after the other.
   */
  public List<NeedView> openOf(
      OrganisationId organisation, UUID member, UUID household, boolean sensitive) {
    String subject =
        member != null ? "member_id = :subject" : "household_id = :subject and member_id is null";
    return jdbc.sql(
            "select * from need where organisation_id = :org and "
                + subject
                + " and sensitive = :sensitive and status in ('OPEN', 'BEING_MET')"
                + " order by created_at, id for update")
        .param("org", organisation.value())
        .param("subject", member != null ? member : household)
        .param("sensitive", sensitive)
        .query(this::view)
        .list();
  }

  /**
   * Whose needs of {@code category} are open or being met in the collective, each once, the oldest
   * need first: a member's own need as {@code M:} and her id, a household's as {@code H:} and its
   * id. Screening needs are never among them.
   */
  public List<String> openWith(OrganisationId organisation, NeedCategory category, int limit) {
    return jdbc.sql(
            """
            select case when member_id is not null then 'M:' || cast(member_id as varchar(36))
              else 'H:' || cast(household_id as varchar(36)) end, min(created_at)
            from need where organisation_id = :org and category = :category and not sensitive
              and status in ('OPEN', 'BEING_MET')
            group by member_id, household_id
            order by 2, 1 limit :limit
            """)
        .param("org", organisation.value())
        .param("category", category.name())
        .param("limit", limit)
        .query((rs, n) -> rs.getString(1))
        .list();
  }

  public Optional<NeedView> find(UUID id) {
    return jdbc.sql("select * from need where id = :id")
        .param("id", id)
        .query(this::view)
        .optional();
  }

  /**
   * Needs of the collective, open urgent ones first, then newest first; sensitive ones only when
   * {@code withSensitive}.
   */
  public List<NeedView> list(
      OrganisationId organisation,
      NeedStatus status,
      boolean withSensitive,
      UUID member,
      UUID household,
      int limit,
      int offset) {
    StringBuilder sql = new StringBuilder("select * from need where organisation_id = :org");
    Map<String, Object> params = new HashMap<>();
    params.put("org", organisation.value());
    if (status != null) {
      sql.append(" and status = :status");
      params.put("status", status.name());
    }
    if (!withSensitive) {
      sql.append(" and sensitive = false");
    }
    if (member != null) {
      sql.append(" and member_id = :member");
      params.put("member", member);
    }
    if (household != null) {
      sql.append(" and household_id = :household");
      params.put("household", household);
    }
    // Urgent sealed needs cannot be ordered by the database: found here, opened, and put first on
    // the first page (and left out of later ones). Screenings are few, so this stays small.
    List<NeedView> urgentSealed = List.of();
    if (withSensitive && (status == null || status == NeedStatus.OPEN)) {
      urgentSealed =
          jdbc
              .sql(sql + " and category = 'SEALED' and status = 'OPEN'")
              .params(params)
              .query(this::view)
              .list()
              .stream()
              .filter(v -> v.severity() == NeedSeverity.URGENT)
              .sorted(java.util.Comparator.comparing(NeedView::createdAt).reversed())
              .toList();
    }
    sql.append(" order by case when severity = 'URGENT' and status = 'OPEN' then 0 else 1 end,");
    sql.append(" created_at desc, id desc limit :limit offset :offset");
    params.put("limit", limit);
    params.put("offset", offset);
    java.util.Set<NeedId> first =
        urgentSealed.stream().map(NeedView::id).collect(java.util.stream.Collectors.toSet());
    List<NeedView> rest =
        jdbc.sql(sql.toString()).params(params).query(this::view).list().stream()
            .filter(v -> !first.contains(v.id()))
            .toList();
    if (offset > 0 || urgentSealed.isEmpty()) {
      return rest;
    }
    List<NeedView> page = new java.util.ArrayList<>(urgentSealed);
    page.addAll(rest);
    return page.subList(0, Math.min(limit, page.size()));
  }

  /** How many needs of the collective are open or being met (screening ones only if asked). */
  public long countOpen(OrganisationId organisation, boolean withSensitive) {
    return jdbc.sql(
            "select count(*) from need where organisation_id = :org"
                + " and status in ('OPEN', 'BEING_MET')"
                + (withSensitive ? "" : " and sensitive = false"))
        .param("org", organisation.value())
        .query(Long.class)
        .single();
  }

  /** Members with a sensitive need open or being met: that a follow-up is due, nothing more. */
  public List<UUID> membersWithFollowUpDue(OrganisationId organisation) {
    return jdbc.sql(
            "select distinct member_id from need where organisation_id = :org and sensitive"
                + " and status in ('OPEN', 'BEING_MET') and member_id is not null")
        .param("org", organisation.value())
        .query(UUID.class)
        .list();
  }

  /** Sensitive needs written before V18 with plain category and severity; one batch sealed. */
  public int sealOlderSensitive(int batch) {
    record Plain(UUID id, OrganisationId organisation, UUID subject, String category, String sev) {}
    List<Plain> plain =
        jdbc.sql(
                "select id, organisation_id, coalesce(member_id, household_id), category, severity"
                    + " from need where sensitive and category <> 'SEALED' order by id limit :b")
            .param("b", batch)
            .query(
                (rs, n) ->
                    new Plain(
                        rs.getObject(1, UUID.class),
                        new OrganisationId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    for (Plain p : plain) {
      if (p.subject() == null) {
        // Her member was erased: what is left is an anonymous count; the details go.
        jdbc.sql("update need set category = 'SEALED', severity = 'SEALED' where id = :id")
            .param("id", p.id())
            .update();
      } else {
        seal(
            p.id(),
            p.organisation(),
            p.subject(),
            NeedCategory.valueOf(p.category()),
            NeedSeverity.valueOf(p.sev()));
      }
      jdbc.sql("update need_event set severity = 'SEALED' where need_id = :id")
          .param("id", p.id())
          .update();
    }
    return plain.size();
  }

  /** History of a need, oldest first: status, severity, follow-up, who and when. */
  public List<NeedEvent> history(UUID need) {
    return jdbc.sql(
            "select status, severity, follow_up_by, recorded_by, recorded_at from need_event"
                + " where need_id = :id order by recorded_at, id")
        .param("id", need)
        .query(EVENT)
        .list();
  }

  private static final RowMapper<NeedEvent> EVENT =
      (rs, n) ->
          new NeedEvent(
              rs.getString("status"),
              rs.getString("severity"),
              rs.getString("follow_up_by"),
              rs.getString("recorded_by"),
              rs.getObject("recorded_at", OffsetDateTime.class));

  /** Keeps which needs a payment or hand-over marked met, each with the status it had. */
  public void recordMet(OrganisationId organisation, MetBy metBy, Map<UUID, NeedStatus> was) {
    was.forEach(
        (need, status) ->
            jdbc.sql(
                    """
                    insert into need_met (met_by_kind, met_by_id, need_id, organisation_id,
                      was_status)
                    values (:kind, :by, :need, :org, :was)
                    """)
                .param("kind", metBy.kind().name())
                .param("by", metBy.id())
                .param("need", need)
                .param("org", organisation.value())
                .param("was", status.name())
                .update());
  }

  /** The needs a payment or hand-over marked met, each with the status it had before. */
  public Map<UUID, NeedStatus> metBy(OrganisationId organisation, MetBy metBy) {
    Map<UUID, NeedStatus> met = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            select need_id, was_status from need_met
            where met_by_kind = :kind and met_by_id = :by and organisation_id = :org
            order by need_id
            """)
        .param("kind", metBy.kind().name())
        .param("by", metBy.id())
        .param("org", organisation.value())
        .query(
            (rs, n) -> Map.entry(rs.getObject(1, UUID.class), NeedStatus.valueOf(rs.getString(2))))
        .list()
        .forEach(e -> met.put(e.getKey(), e.getValue()));
    return met;
  }

  /** An erased member's needs stay as anonymous counts: the link to her goes. */
  public void forgetMember(OrganisationId organisation, UUID member) {
    jdbc.sql(
            "update need set member_id = null where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member)
        .update();
  }

  private void history(
      UUID need,
      NeedStatus status,
      NeedSeverity severity,
      String followUpBy,
      String by,
      OffsetDateTime at) {
    jdbc.sql(
            """
            insert into need_event (id, need_id, status, severity, follow_up_by, recorded_by,
              recorded_at)
            values (:id, :need, :status, :severity, :followUpBy, :by, :at)
            """)
        .param("id", Ids.newId())
        .param("need", need)
        .param("status", status.name())
        .param("severity", severity == null ? SEALED : severity.name())
        .param("followUpBy", followUpBy, java.sql.Types.VARCHAR)
        .param("by", by)
        .param("at", at)
        .update();
  }

  private static Map<String, Object> uuid(String name, UUID value) {
    Map<String, Object> p = new HashMap<>();
    p.put(name, value == null ? new SqlParameterValue(java.sql.Types.OTHER, null) : value);
    return p;
  }

  /**
   * Seals a sensitive need's category and severity under its subject's data key (made on first
   * need), so that erasing the member leaves nothing that says what her screening found.
   */
  void seal(
      UUID id,
      OrganisationId organisation,
      UUID subject,
      NeedCategory category,
      NeedSeverity severity) {
    if (subject == null) {
      return;
    }
    if (!vault.hasKey(subject)) {
      vault.createKey(subject, organisation);
    }
    jdbc.sql(
            "update need set sealed = :sealed, category = 'SEALED', severity = 'SEALED'"
                + " where id = :id")
        .param("sealed", vault.encrypt(subject, FIELD, category.name() + " " + severity.name()))
        .param("id", id)
        .update();
  }

  private NeedView view(ResultSet rs, int n) throws SQLException {
    UUID member = rs.getObject("member_id", UUID.class);
    UUID household = rs.getObject("household_id", UUID.class);
    NeedCategory category;
    NeedSeverity severity;
    if (SEALED.equals(rs.getString("category"))) {
      byte[] sealed = rs.getBytes("sealed");
      UUID subject = member != null ? member : household;
      // Once the member is erased nothing opens it: a screening need, severity unknown.
      String[] opened =
          sealed == null || subject == null
              ? new String[] {"MENTAL_HEALTH", "MEDIUM"}
              : vault.decrypt(subject, FIELD, sealed).orElse("MENTAL_HEALTH MEDIUM").split(" ");
      category = NeedCategory.valueOf(opened[0]);
      severity = NeedSeverity.valueOf(opened[1]);
    } else {
      category = NeedCategory.valueOf(rs.getString("category"));
      severity = NeedSeverity.valueOf(rs.getString("severity"));
    }
    return new NeedView(
        new NeedId(rs.getObject("id", UUID.class)),
        member,
        household,
        category,
        severity,
        NeedStatus.valueOf(rs.getString("status")),
        rs.getBoolean("sensitive"),
        rs.getString("follow_up_by"),
        rs.getObject("submission_id", UUID.class),
        rs.getInt("version"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
