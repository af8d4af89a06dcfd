package org.sahay.platform.internal.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sahay.platform.internal.backup.BackupTables.Column;
import org.sahay.platform.internal.backup.BackupTables.Table;
import org.sahay.platform.internal.backup.BackupWriter.Written;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a backup's rows into an empty database, in one transaction of the caller's connection:
 * tables parents first, each table's rows checked against the count and digest the backup closed it
 * with, then read back from the database and digested again, so what was restored is what was
 * backed up, value for value.
 */
final class Restorer {

  private static final int BATCH = 500;

  /** A backup that cannot be restored here; nothing was written. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final JsonMapper json;

  Restorer(JsonMapper json) {
    this.json = json;
  }

  /** Refuses a database that already holds an organisation or a user. */
  static void requireEmpty(Connection connection) throws SQLException {
    for (String table : List.of("organisation", "app_user")) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from " + table)) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new Refused(
              "This database already holds organisations or users: restore only into a new,"
                  + " empty database (its schema made by Sahay, nothing else in it).");
        }
      }
    }
  }

  /**
   * Restores the table sections that follow the backup's first line on {@code in}; the answer is
   * what each table held, verified.
   */
  List<Written> restore(
      Connection connection, List<Table> tables, BufferedReader in, Consumer<Written> done)
      throws SQLException, IOException {
    Map<String, Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    clear(connection, tables);
    BackupWriter reader = new BackupWriter(json);
    List<Written> restored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode start = json.readTree(line);
      if (start.has("complete")) {
        checkAllTables(byName.keySet(), seen, start);
        return restored;
      }
      Table table = tableOf(byName, start);
      seen.add(table.name());
      Written read = insertRows(connection, table, in);
      Written back = reader.digest(connection, table);
      if (back.rows() != read.rows() || !back.digest().equals(read.digest())) {
        throw new Refused(
            "Table " + table.name() + " does not read back as it was backed up; nothing was kept.");
      }
      restored.add(read);
      done.accept(read);
    }
    throw new Refused("This backup ends before its last table: it was cut short.");
  }

  private static void checkAllTables(Set<String> expected, Set<String> seen, JsonNode end) {
    if (!seen.equals(expected) || end.get("tables").asInt() != seen.size()) {
      throw new Refused("This backup does not hold every table of this version of Sahay.");
    }
  }

  private static Table tableOf(Map<String, Table> byName, JsonNode start) {
    Table table = byName.get(start.path("table").asString());
    if (table == null) {
      throw new Refused("This backup holds a table this version of Sahay does not have.");
    }
    List<String> columns = new ArrayList<>();
    start.get("columns").forEach(c -> columns.add(c.asString()));
    if (!columns.equals(table.columns().stream().map(Column::name).toList())) {
      throw new Refused(
          "Table "
              + table.name()
              + " has other columns here than in the backup: restore with"
              + " the version of Sahay that made it.");
    }
    return table;
  }

  /** Removes what a new database starts with (the reference rows its migrations wrote). */
  private static void clear(Connection connection, List<Table> tables) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (int i = tables.size() - 1; i >= 0; i--) {
        s.executeUpdate("delete from " + tables.get(i).name());
      }
    }
  }

  private Written insertRows(Connection connection, Table table, BufferedReader in)
      throws SQLException, IOException {
    List<Column> columns = table.columns();
    String sql =
        "insert into "
            + table.name()
            + " ("
            + columns.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") values ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")";
    TableDigest digest = new TableDigest(json);
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode row = json.readTree(line);
        if (row.isObject()) {
          if (insertedAll(insert, pending) && closes(row, table, digest)) {
            return new Written(table.name(), digest.rows(), digest.hex());
          }
          throw new Refused("Table " + table.name() + " in this backup is damaged.");
        }
        bind(insert, columns, row, digest);
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
    }
    throw new Refused("This backup ends inside table " + table.name() + ": it was cut short.");
  }

  private void bind(
      PreparedStatement insert, List<Column> columns, JsonNode row, TableDigest digest)
      throws SQLException {
    if (!row.isArray() || row.size() != columns.size()) {
      throw new Refused("A row of this backup is damaged.");
    }
    List<Object> values = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      JsonNode value = row.get(i);
      column.kind().bind(insert, i + 1, value, column.jdbcType());
      values.add(json.treeToValue(value, Object.class));
    }
    digest.add(values);
  }

  private static boolean insertedAll(PreparedStatement insert, int pending) throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
    }
    return true;
  }

  private static boolean closes(JsonNode end, Table table, TableDigest digest) {
    return table.name().equals(end.path("end").asString())
        && end.path("rows").asLong() == digest.rows()
        && digest.hex().equals(end.path("digest").asString());
  }
}
