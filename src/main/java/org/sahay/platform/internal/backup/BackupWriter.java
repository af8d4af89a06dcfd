package org.sahay.platform.internal.backup;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sahay.platform.internal.backup.BackupTables.ForeignKey;
import org.sahay.platform.internal.backup.BackupTables.Table;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the rows of every backed-up table, or of one organisation's, as lines of JSON: a line
 * naming the table and its columns, a line per row, and a closing line with the row count and
 * {@link TableDigest}. Read inside one snapshot, so the tables agree with each other.
 */
final class BackupWriter {

  /** Tables one organisation owns by a rule of their own rather than a column or foreign key. */
  private static final Map<String, String> ORGANISATION_RULES =
      Map.of(
          "organisation", "id = '%s'",
          "audit_chain_head", "chain_key = '%s'",
          // A match joins two collectives' members: it belongs to neither alone.
          "network_match", "1 = 0",
          "merge_move", "merge_id in (select id from member_merge where organisation_id = '%s')");

  /** What one table held: its rows and digest, in the order written. */
  record Written(String table, long rows, String digest) {}

  private final JsonMapper json;

  BackupWriter(JsonMapper json) {
    this.json = json;
  }

  /** Writes {@code tables} (every organisation's rows, or only {@code organisation}'s). */
  List<Written> write(
      Connection connection,
      List<Table> tables,
      UUID organisation,
      Writer out,
      Consumer<Written> done)
      throws SQLException, IOException {
    Map<String, String> scopes = organisation == null ? Map.of() : scopes(tables, organisation);
    List<Written> written = new ArrayList<>();
    for (Table table : tables) {
      String where = organisation == null ? null : scopes.get(table.name());
      Written one = writeTable(connection, table, where, out);
      written.add(one);
      done.accept(one);
    }
    return written;
  }

  /** The digest of a table as the database holds it now (after a restore, to verify it). */
  Written digest(Connection connection, Table table) throws SQLException, IOException {
    return writeTable(connection, table, null, Writer.nullWriter());
  }

  private Written writeTable(Connection connection, Table table, String where, Writer out)
      throws SQLException, IOException {
    String columns =
        table.columns().stream().map(BackupTables.Column::name).collect(Collectors.joining(", "));
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("table", table.name());
    start.put("columns", table.columns().stream().map(BackupTables.Column::name).toList());
    out.write(json.writeValueAsString(start));
    out.write('\n');
    String sql =
        "select "
            + columns
            + " from "
            + table.name()
            + (where == null ? "" : " where " + where)
            + (table.primaryKey().isEmpty() ? "" : " order by " + table.orderBy());
    TableDigest digest = new TableDigest(json);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(500);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          List<Object> values = new ArrayList<>(table.columns().size());
          for (int i = 0; i < table.columns().size(); i++) {
            values.add(table.columns().get(i).kind().read(rs, i + 1));
          }
          out.write(digest.add(values));
          out.write('\n');
        }
      }
    }
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("end", table.name());
    end.put("rows", digest.rows());
    end.put("digest", digest.hex());
    out.write(json.writeValueAsString(end));
    out.write('\n');
    return new Written(table.name(), digest.rows(), digest.hex());
  }

  /**
   * Which rows of each table belong to {@code organisation}: its own row, rows with its id in
   * {@code organisation_id} (rows with none there belong to the platform, not to it), rows whose
   * foreign key names one of those, and the shared reference tables (schemes, vaccines) whole.
   */
  static Map<String, String> scopes(List<Table> tables, UUID organisation) {
    String id = organisation.toString();
    Map<String, String> scopes = new LinkedHashMap<>();
    for (Table table : tables) {
      String rule = ORGANISATION_RULES.get(table.name());
      if (rule != null) {
        scopes.put(table.name(), rule.formatted(id));
      } else if (table.organisationColumn()) {
        scopes.put(table.name(), "organisation_id = '" + id + "'");
      } else {
        String viaParent = viaParent(table, scopes, id);
        if (viaParent != null) {
          scopes.put(table.name(), viaParent);
        }
      }
    }
    return scopes;
  }

  private static String viaParent(Table table, Map<String, String> scopes, String id) {
    for (ForeignKey key : table.foreignKeys()) {
      String parentScope = scopes.get(key.parent());
      if (key.parent().equals("organisation")) {
        return key.columns().stream()
            .map(c -> c + " = '" + id + "'")
            .collect(Collectors.joining(" and "));
      }
      if (parentScope != null && !key.parent().equals(table.name())) {
        return "("
            + String.join(", ", key.columns())
            + ") in (select "
            + String.join(", ", key.parentColumns())
            + " from "
            + key.parent()
            + " where "
            + parentScope
            + ")";
      }
    }
    return null;
  }
}
