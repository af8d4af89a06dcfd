package org.sahay.platform.internal.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables a backup holds, read from the database's own catalogue (so a table a later migration
 * adds is backed up without anyone remembering to list it), in an order in which their rows can be
 * inserted again: every table after the tables its foreign keys name.
 */
final class BackupTables {

  /**
   * Tables that are never backed up: the schema's own history, what belongs to the running nodes
   * and the master keyset in use (sessions, sign-in throttles, replayable API answers sealed under
   * the master key, node heartbeats, the keyset's check value), and background export jobs, whose
   * files live outside the database and expire within a day.
   */
  static final Set<String> NOT_BACKED_UP =
      Set.of(
          "flyway_schema_history",
          "master_key_check",
          "spring_session",
          "spring_session_attributes",
          "login_throttle",
          "passkey_challenge_used",
          "idempotency_record",
          "idempotency_subject",
          "app_node",
          "export_job");

  /** Rows read in this order, so that a table's rows refer only to rows written before them. */
  private static final Map<String, String> ORDER =
      Map.of(
          "journal_line", "entry_id, line_no",
          "journal_entry", "case when reverses_id is null then 0 else 1 end, posted_at, id");

  record Column(String name, Kind kind, int jdbcType) {}

  /** A foreign key: {@code columns} of this table name {@code parentColumns} of {@code parent}. */
  record ForeignKey(List<String> columns, String parent, List<String> parentColumns) {}

  record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      List<ForeignKey> foreignKeys,
      boolean organisationColumn,
      boolean organisationNullable) {

    /** The foreign keys that name this same table (a ledger line names the line before it). */
    List<ForeignKey> selfKeys() {
      return foreignKeys.stream().filter(k -> k.parent().equals(name)).toList();
    }

    String orderBy() {
      return ORDER.getOrDefault(name, String.join(", ", primaryKey));
    }

    Column column(String column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
    }
  }

  private BackupTables() {}

  /** Every table backed up, parents first. */
  static List<Table> read(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    Map<String, Table> tables = new TreeMap<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!NOT_BACKED_UP.contains(name)) {
          tables.put(name, null);
        }
      }
    }
    for (String name : List.copyOf(tables.keySet())) {
      tables.put(name, table(meta, schema, name));
    }
    return parentsFirst(tables);
  }

  private static Table table(DatabaseMetaData meta, String schema, String name)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    boolean organisation = false;
    boolean nullable = false;
    try (ResultSet rs = meta.getColumns(null, schema, name, "%")) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
        int type = rs.getInt("DATA_TYPE");
        columns.add(new Column(column, Kind.of(rs.getString("TYPE_NAME"), type), type));
        if (column.equals("organisation_id")) {
          organisation = true;
          nullable = "YES".equals(rs.getString("IS_NULLABLE"));
        }
      }
    }
    // Sorted by name: H2 and PostgreSQL may number the columns of one table differently.
    columns.sort(Comparator.comparing(Column::name));
    Map<Integer, String> keyColumns = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, schema, name)) {
      while (rs.next()) {
        keyColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return new Table(
        name,
        List.copyOf(columns),
        List.copyOf(keyColumns.values()),
        foreignKeys(meta, schema, name),
        organisation,
        nullable);
  }

  private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String name)
      throws SQLException {
    Map<String, List<String[]>> byKey = new LinkedHashMap<>();
    try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
      while (rs.next()) {
        String key = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
        byKey
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new String[] {
                  rs.getString("KEY_SEQ"),
                  rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                  rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                  rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                });
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    for (List<String[]> parts : byKey.values()) {
      parts.sort(Comparator.comparingInt(p -> Integer.parseInt(p[0])));
      keys.add(
          new ForeignKey(
              parts.stream().map(p -> p[1]).toList(),
              parts.get(0)[2],
              parts.stream().map(p -> p[3]).toList()));
    }
    return List.copyOf(keys);
  }

  private static List<Table> parentsFirst(Map<String, Table> tables) {
    Set<String> placed = new LinkedHashSet<>();
    List<Table> ordered = new ArrayList<>();
    while (placed.size() < tables.size()) {
      boolean progress = false;
      for (Table table : tables.values()) {
        if (!placed.contains(table.name()) && parentsPlaced(table, tables, placed)) {
          placed.add(table.name());
          ordered.add(table);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("the tables' foreign keys form a cycle");
      }
    }
    return List.copyOf(ordered);
  }

  private static boolean parentsPlaced(Table table, Map<String, Table> tables, Set<String> placed) {
    return table.foreignKeys().stream()
        .map(ForeignKey::parent)
        .filter(parent -> !parent.equals(table.name()) && tables.containsKey(parent))
        .allMatch(placed::contains);
  }
}
