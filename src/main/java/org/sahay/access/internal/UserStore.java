package org.sahay.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sahay.access.Action;
import org.sahay.access.Role;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** User accounts and their roles. */
@Repository
public class UserStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  UserStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean anyExist() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
  }

  public void insert(UserRecord user) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into app_user (id, organisation_id, username, password_hash, language, active,
              created_at, password_changed_at, version)
            values (:id, :org, :username, :hash, :language, :active, :now, :now, 0)
            """)
        .param("id", user.id().value())
        .param("org", user.organisation() == null ? null : user.organisation().value())
        .param("username", user.username())
        .param("hash", user.passwordHash())
        .param("language", user.language().code())
        .param("active", user.active())
        .param("now", now)
        .update();
    for (Role role : user.roles()) {
      jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
          .param("id", user.id().value())
          .param("role", role.name())
          .update();
    }
  }

  // Mapping a user reads its roles and grants with further queries: in one read-only
  // transaction they share the connection, so concurrent requests cannot exhaust the pool
  // by each holding one connection while waiting for a second.
  public Optional<UserRecord> findByUsername(String username) {
    return one("u.username = :key", username);
  }

  public Optional<UserRecord> findById(UserId id) {
    return one("u.id = :key", id.value());
  }

  /**
   * One user with roles and grants in one statement (every request signed in reads its user: a
   * query each for the user, the roles and the grants, in a transaction, was four round trips).
   */
  private Optional<UserRecord> one(String where, Object key) {
    UserRecord[] user = {null};
    Set<Role> roles = new java.util.HashSet<>();
    Set<Action> grants = new java.util.HashSet<>();
    jdbc.sql(
            """
            select u.id, u.organisation_id, u.username, u.password_hash, u.language, u.active,
              u.created_at, x.kind, x.name
            from app_user u left join (
              select user_id, 'R' as kind, role as name from app_user_role
              union all
              select user_id, 'G' as kind, action as name from user_grant) x
              on x.user_id = u.id
            where %s
            """
                .formatted(where))
        .param("key", key)
        .query(
            (ResultSet rs) -> {
              if (user[0] == null) {
                user[0] = record(rs, Set.of(), Set.of());
              }
              String kind = rs.getString("kind");
              String name = rs.getString("name");
              if ("R".equals(kind)) {
                roles.add(Role.valueOf(name));
              } else if ("G".equals(kind)) {
                org.sahay.access.Actions.lookup(name).ifPresent(grants::add);
              }
            });
    return Optional.ofNullable(user[0])
        .map(
            u ->
                new UserRecord(
                    u.id(),
                    u.organisation(),
                    u.username(),
                    u.passwordHash(),
                    u.language(),
                    u.active(),
                    u.createdAt(),
                    roles,
                    grants));
  }

  @Transactional(readOnly = true)
  public List<UserRecord> ofOrganisation(OrganisationId organisation) {
    return jdbc.sql("select * from app_user where organisation_id = :org order by username")
        .param("org", organisation.value())
        .query(this::map)
        .list();
  }

  @Transactional(readOnly = true)
  public List<UserRecord> systemAdmins() {
    return jdbc.sql(
            "select * from app_user where id in (select user_id from app_user_role"
                + " where role = 'SYSTEM_ADMIN') order by username")
        .query(this::map)
        .list();
  }

  public void setActive(UserId id, boolean active) {
    jdbc.sql("update app_user set active = :active, version = version + 1 where id = :id")
        .param("active", active)
        .param("id", id.value())
        .update();
  }

  public void setPasswordHash(UserId id, String hash) {
    jdbc.sql(
            "update app_user set password_hash = :hash, password_changed_at = :now,"
                + " version = version + 1 where id = :id")
        .param("hash", hash)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id.value())
        .update();
  }

  public void setLanguage(String username, Language language) {
    jdbc.sql("update app_user set language = :lang where username = :u")
        .param("lang", language.code())
        .param("u", username)
        .update();
  }

  private UserRecord map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return record(rs, roles(id), grants(id));
  }

  private static UserRecord record(ResultSet rs, Set<Role> roles, Set<Action> grants)
      throws SQLException {
    UUID org = rs.getObject("organisation_id", UUID.class);
    return new UserRecord(
        new UserId(rs.getObject("id", UUID.class)),
        org == null ? null : new OrganisationId(org),
        rs.getString("username"),
        rs.getString("password_hash"),
        Language.fromCode(rs.getString("language")).orElse(Language.EN),
        rs.getBoolean("active"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        roles,
        grants);
  }

  private Set<Action> grants(UUID user) {
    Set<Action> grants = new java.util.HashSet<>();
    jdbc.sql("select action from user_grant where user_id = :id")
        .param("id", user)
        .query(String.class)
        .list()
        .forEach(name -> org.sahay.access.Actions.lookup(name).ifPresent(grants::add));
    return grants;
  }

  public void grant(UserId user, Action action, String by) {
    if (grants(user.value()).contains(action)) {
      return;
    }
    jdbc.sql(
            "insert into user_grant (user_id, action, granted_by, granted_at)"
                + " values (:u, :a, :by, :now)")
        .param("u", user.value())
        .param("a", action.name())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void revoke(UserId user, Action action) {
    jdbc.sql("delete from user_grant where user_id = :u and action = :a")
        .param("u", user.value())
        .param("a", action.name())
        .update();
  }

  private Set<Role> roles(UUID user) {
    List<String> names =
        jdbc.sql("select role from app_user_role where user_id = :id")
            .param("id", user)
            .query(String.class)
            .list();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    names.forEach(n -> roles.add(Role.valueOf(n)));
    return roles;
  }
}
