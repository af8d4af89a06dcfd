package org.sahay.entitlements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sahay.entitlements.Scheme;
import org.sahay.entitlements.SchemeId;
import org.sahay.entitlements.SchemeLevel;
import org.sahay.platform.Names;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue of schemes: the shared list (owned by the nil id) and each organisation's own.
 * Every query names the owner it reads.
 */
@Repository
public class SchemeStore {

  /** The owner of the shared list. */
  static final UUID SHARED = new UUID(0, 0);

  private static final String COLUMNS =
      "id, owner_id, code, name_en, name_hi, name_te, name_bn, level, state, per_household, gives,"
          + " documents, eligibility, where_to_apply, grants_document, grants_detail, version";

  private static final RowMapper<Scheme> SCHEME = SchemeStore::scheme;

  private final JdbcClient jdbc;
  private final Clock clock;

  SchemeStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The shared list and the organisation's own schemes: central first, then by state and name. */
  public List<Scheme> visibleTo(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scheme where owner_id in (:shared, :own)"
                + " order by level, state, code")
        .param("shared", SHARED)
        .param("own", organisation == null ? SHARED : organisation.value())
        .query(SCHEME)
        .list();
  }

  public Optional<Scheme> find(SchemeId id) {
    return jdbc.sql("select " + COLUMNS + " from scheme where id = :id")
        .param("id", id.value())
        .query(SCHEME)
        .optional();
  }

  /** Adds a scheme; false when its owner already has one with that code. */
  public boolean insert(Scheme s) {
    return jdbc.sql(
                "insert into scheme ("
                    + COLUMNS
                    + ", updated_at) values (:id, :owner, :code, :en, :hi, :te, :bn, :level, :state,"
                    + " :household, :gives, :documents, :eligibility, :where, :grants, :detail, 0,"
                    + " :now) on conflict do nothing")
            .params(params(s))
            .update()
        == 1;
  }

  /** Changes a scheme if it is still at {@code version}; false when someone changed it first. */
  public boolean update(Scheme s, int version) {
    return jdbc.sql(
                """
                update scheme set name_en = :en, name_hi = :hi, name_te = :te, name_bn = :bn,
                  level = :level, state = :state, per_household = :household, gives = :gives,
                  documents = :documents, eligibility = :eligibility, where_to_apply = :where,
                  grants_document = :grants, grants_detail = :detail, version = version + 1,
                  updated_at = :now
                where id = :id and owner_id = :owner and version = :version
                """)
            .params(params(s))
            .param("version", version)
            .update()
        == 1;
  }

  private Map<String, Object> params(Scheme s) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("id", s.id().value());
    p.put("owner", s.organisation() == null ? SHARED : s.organisation().value());
    p.put("code", s.code());
    p.put("en", s.names().en());
    p.put("hi", s.names().hi());
    p.put("te", s.names().te());
    p.put("bn", s.names().bn());
    p.put("level", s.level().name());
    p.put("state", s.state());
    p.put("household", s.perHousehold());
    p.put("gives", s.gives());
    p.put("documents", s.documents().stream().map(Enum::name).collect(Collectors.joining(",")));
    p.put("eligibility", s.eligibility());
    p.put("where", s.whereToApply());
    p.put("grants", s.grants() == null ? null : s.grants().name());
    p.put("detail", s.grantsDetail());
    p.put("now", OffsetDateTime.now(clock));
    return p;
  }

  private static Scheme scheme(ResultSet rs, int n) throws SQLException {
    UUID owner = rs.getObject("owner_id", UUID.class);
    String documents = rs.getString("documents");
    String grants = rs.getString("grants_document");
    return new Scheme(
        new SchemeId(rs.getObject("id", UUID.class)),
        SHARED.equals(owner) ? null : new OrganisationId(owner),
        rs.getString("code"),
        new Names(
            rs.getString("name_en"),
            rs.getString("name_hi"),
            rs.getString("name_te"),
            rs.getString("name_bn")),
        SchemeLevel.valueOf(rs.getString("level")),
        rs.getString("state"),
        rs.getBoolean("per_household"),
        rs.getString("gives"),
        documents == null || documents.isBlank()
            ? List.of()
            : Arrays.stream(documents.split(",")).map(DocumentType::valueOf).toList(),
        rs.getString("eligibility"),
        rs.getString("where_to_apply"),
        grants == null ? null : DocumentType.valueOf(grants),
        rs.getString("grants_detail"),
        rs.getInt("version"));
  }
}
