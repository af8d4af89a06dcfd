package org.sahay.platform.internal.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.internal.backup.BackupTables.Column;
import org.sahay.platform.internal.backup.BackupTables.ForeignKey;
import org.sahay.platform.internal.backup.BackupTables.Table;

/**
 * Deletes everything a leaving collective owns, children before parents, in the caller's
 * transaction: its rows in every table (as one organisation's backup would select them), what other
 * organisations hold that names it (links, matches across collectives), and what is kept outside
 * the backup about its users (sessions, replayable answers) or for it (export jobs).
 */
final class LeavingDeletes {

  private final Connection connection;
  private final UUID organisation;

  LeavingDeletes(Connection connection, UUID organisation) {
    this.connection = connection;
    this.organisation = organisation;
  }

  void delete(List<Table> tables, Map<String, String> scopes) throws SQLException {
    List<String> usernames = usernames();
    forUsers(
        "delete from spring_session_attributes where session_primary_id in (select"
            + " primary_id from spring_session where principal_name = ?)",
        usernames);
    forUsers("delete from spring_session where principal_name = ?", usernames);
    forUsers("delete from idempotency_subject where principal = ?", usernames);
    forUsers("delete from idempotency_record where principal = ?", usernames);
    update("delete from export_job where organisation_id = ?");
    for (int i = tables.size() - 1; i >= 0; i--) {
      Table table = tables.get(i);
      String where = scopes.get(table.name());
      if (where != null) {
        deleteRows(table, where);
      }
      for (Column column : table.columns()) {
        if (namesAnOrganisation(column)) {
          update("delete from " + table.name() + " where " + column.name() + " = ?");
        }
      }
    }
  }

  /**
   * A table whose rows name other rows of it (a ledger line names the line before it) loses its
   * rows leaves first, round by round: each round deletes the rows no other row names.
   */
  private void deleteRows(Table table, String where) throws SQLException {
    StringBuilder notNamed = new StringBuilder();
    for (ForeignKey key : table.selfKeys()) {
      notNamed.append(" and not exists (select 1 from ").append(table.name()).append(" c where ");
      for (int i = 0; i < key.columns().size(); i++) {
        notNamed
            .append(i == 0 ? "" : " and ")
            .append("c.")
            .append(key.columns().get(i))
            .append(" = ")
            .append(table.name())
            .append('.')
            .append(key.parentColumns().get(i));
      }
      notNamed.append(')');
    }
    String sql = "delete from " + table.name() + " where " + where + notNamed;
    try (Statement s = connection.createStatement()) {
      while (s.executeUpdate(sql) > 0 && !table.selfKeys().isEmpty()) {
        // Another round: the rows these named are leaves now.
      }
    }
  }

  /** A column other than the owner's own that holds an organisation's id (a link, a match). */
  private static boolean namesAnOrganisation(Column column) {
    String name = column.name().toLowerCase(Locale.ROOT);
    return column.kind() == Kind.UUID_TEXT
        && name.contains("organisation")
        && !name.equals("organisation_id");
  }

  private List<String> usernames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("select username from app_user where organisation_id = ?")) {
      s.setObject(1, organisation);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private void forUsers(String sql, List<String> usernames) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (String username : usernames) {
        s.setString(1, username);
        s.executeUpdate();
      }
    }
  }

  private void update(String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setObject(1, organisation);
      s.executeUpdate();
    }
  }
}
