package org.sahay.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a module's rows from a member merged into another to the one who remains, and back when the
 * merge is undone: each row moved is noted under the merge, so that undoing moves exactly those
 * back, and not what was recorded for the remaining member since. A module names its own table and
 * columns (constants of its code, never input); a row whose move would break a rule of the table
 * (the survivor already holds one like it) stays where it is, and is counted.
 *
 * <p>Rows sealed under the member's own key are sealed again under the other member's key, so that
 * erasing the remaining member erases them too.
 */
@Component
public class MergeMoves {

  /**
   * One kind of row that names a member.
   *
   * @param area a name for the rows, unique across modules ({@code relief.distribution})
   * @param table the table
   * @param key a column that, with the member column, picks one row
   * @param member the column holding the member (or a value made from her id, see {@code prefix})
   * @param prefix what the member column holds before the id ({@code "M:"}), or empty
   * @param unless a condition under which a row is not moved (SQL over the table's columns, with
   *     {@code :to} the value for the remaining member), or null
   * @param sealed the column sealed under the member's key and its field, or null
   */
  public record Rows(
      String area,
      String table,
      String key,
      String member,
      String prefix,
      String unless,
      String sealed,
      String field,
      String only,
      Child child) {

    public static Rows of(String area, String table, String key, String member) {
      return new Rows(area, table, key, member, "", null, null, null, null, null);
    }

    public Rows unless(String condition) {
      return new Rows(area, table, key, member, prefix, condition, sealed, field, only, child);
    }

    public Rows prefixed(String p) {
      return new Rows(area, table, key, member, p, unless, sealed, field, only, child);
    }

    public Rows sealedAs(String column, String sealedField) {
      return new Rows(area, table, key, member, prefix, unless, column, sealedField, only, child);
    }

    /** Only the rows that meet a condition (SQL over the table's columns) are considered. */
    public Rows only(String condition) {
      return new Rows(area, table, key, member, prefix, unless, sealed, field, condition, child);
    }

    /** Rows of another table that belong to each row moved and are sealed under her key too. */
    public Rows withChildren(String childTable, String parent, String column, String childField) {
      return new Rows(
          area,
          table,
          key,
          member,
          prefix,
          unless,
          sealed,
          field,
          only,
          new Child(childTable, parent, column, childField));
    }

    Object value(UUID member) {
      return prefix.isEmpty() ? member : prefix + member;
    }

    String where() {
      return only == null ? "" : " and (" + only + ")";
    }
  }

  /** A table whose rows hang from the moved rows (by {@code parent}), sealed under her key. */
  public record Child(String table, String parent, String sealed, String field) {}

  /** What a move did: rows moved, and rows left with the merged member. */
  public record Moved(int moved, int kept) {}

  private final JdbcClient jdbc;
  private final Vault vault;

  MergeMoves(JdbcClient jdbc, Vault vault) {
    this.jdbc = jdbc;
    this.vault = vault;
  }

  /** Moves the rows of {@code from} to {@code to}, noting each under {@code merge}. */
  public Moved move(UUID merge, Rows rows, UUID from, UUID to) {
    Object fromValue = rows.value(from);
    Object toValue = rows.value(to);
    List<UUID> all =
        jdbc.sql(
                "select %s from %s t where %s = :from%s"
                    .formatted(rows.key(), rows.table(), rows.member(), rows.where()))
            .param("from", fromValue)
            .query(UUID.class)
            .list();
    List<UUID> movable = all;
    if (rows.unless() != null && !all.isEmpty()) {
      movable =
          jdbc.sql(
                  "select %s from %s t where %s = :from%s and not (%s)"
                      .formatted(
                          rows.key(), rows.table(), rows.member(), rows.where(), rows.unless()))
              .param("from", fromValue)
              .param("to", toValue)
              .query(UUID.class)
              .list();
    }
    for (UUID key : movable) {
      resealAll(rows, key, from, to);
      jdbc.sql(
              "update %s set %s = :to where %s = :key and %s = :from"
                  .formatted(rows.table(), rows.member(), rows.key(), rows.member()))
          .param("to", toValue)
          .param("key", key)
          .param("from", fromValue)
          .update();
      jdbc.sql("insert into merge_move (merge_id, area, row_key) values (:m, :a, :k)")
          .param("m", merge)
          .param("a", rows.area())
          .param("k", key.toString())
          .update();
    }
    return new Moved(movable.size(), all.size() - movable.size());
  }

  /** Moves back to {@code from} the rows the merge moved to {@code to}. */
  public int undo(UUID merge, Rows rows, UUID from, UUID to) {
    List<UUID> moved = new ArrayList<>();
    for (String key : noted(merge, rows.area())) {
      moved.add(UUID.fromString(key));
    }
    for (UUID key : moved) {
      resealAll(rows, key, to, from);
      jdbc.sql(
              (rows.key().equals(rows.member())
                  ? "update %s set %s = :from where %s = :to"
                      .formatted(rows.table(), rows.member(), rows.member())
                  : "update %s set %s = :from where %s = :key and %s = :to"
                      .formatted(rows.table(), rows.member(), rows.key(), rows.member())))
          .param("from", rows.value(from))
          .param("key", key)
          .param("to", rows.value(to))
          .update();
    }
    forget(merge, rows.area());
    return moved.size();
  }

  /** Notes a value of the merge that is not a row (for example what the member's status was). */
  public void note(UUID merge, String area, String value) {
    jdbc.sql("insert into merge_move (merge_id, area, row_key) values (:m, :a, :k)")
        .param("m", merge)
        .param("a", area)
        .param("k", value)
        .update();
  }

  /** What was noted under the merge for an area. */
  public List<String> noted(UUID merge, String area) {
    return jdbc.sql("select row_key from merge_move where merge_id = :m and area = :a")
        .param("m", merge)
        .param("a", area)
        .query(String.class)
        .list();
  }

  public void forget(UUID merge, String area) {
    jdbc.sql("delete from merge_move where merge_id = :m and area = :a")
        .param("m", merge)
        .param("a", area)
        .update();
  }

  /** Whether any row of {@code table} names the member (in its {@code member_id}). */
  public boolean holds(String table, UUID member) {
    return jdbc.sql("select count(*) from " + table + " where member_id = :m")
            .param("m", member)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Seals again, under {@code to}'s key, the row (and its children) that {@code from} holds. */
  private void resealAll(Rows rows, UUID key, UUID from, UUID to) {
    if (rows.sealed() != null) {
      String where =
          rows.key().equals(rows.member())
              ? "%s = :holder".formatted(rows.member())
              : "%s = :key and %s = :holder".formatted(rows.key(), rows.member());
      reseal(rows.table(), where, key, rows.value(from), rows.sealed(), rows.field(), from, to);
    }
    Child child = rows.child();
    if (child != null) {
      List<UUID> children =
          jdbc.sql("select id from %s where %s = :key".formatted(child.table(), child.parent()))
              .param("key", key)
              .query(UUID.class)
              .list();
      for (UUID c : children) {
        reseal(child.table(), "id = :key", c, null, child.sealed(), child.field(), from, to);
      }
    }
  }

  private void reseal(
      String table,
      String where,
      UUID key,
      Object holder,
      String column,
      String field,
      UUID from,
      UUID to) {
    List<byte[]> sealed =
        jdbc.sql("select %s from %s where %s".formatted(column, table, where))
            .param("key", key)
            .param("holder", holder)
            .query((rs, n) -> rs.getBytes(1))
            .list();
    if (sealed.size() != 1 || sealed.get(0) == null) {
      return;
    }
    String plain = vault.decrypt(from, field, sealed.get(0)).orElse(null);
    jdbc.sql("update %s set %s = :s where %s".formatted(table, column, where))
        .param(
            "s", plain == null ? null : vault.encrypt(to, field, plain), java.sql.Types.VARBINARY)
        .param("key", key)
        .param("holder", holder)
        .update();
  }
}
