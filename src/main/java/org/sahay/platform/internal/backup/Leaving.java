package org.sahay.platform.internal.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.sahay.platform.TableWriter;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.backup.BackupTables.Column;
import org.sahay.platform.internal.backup.BackupTables.Table;
import org.sahay.platform.internal.backup.SealedColumns.Sealed;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collective leaving Sahay: everything it owns is written to one ZIP (each table as JSON lines
 * for machines and as CSV for people, sealed fields opened), and then deleted, in one transaction,
 * with its data keys (so nothing sealed in old backups opens either once its master key epoch is
 * retired), its users, their sessions, and the links and matches other organisations had with it.
 * What stays is one row in {@code departed_organisation}: its kind, state, district, the day it
 * left and how many rows of each kind it had; no name, no member, no amount.
 */
final class Leaving {

  static final String NOT_OPENED = "(sealed; its key was destroyed)";

  /**
   * Credentials and key material: deleted with the collective, never handed out, since a copy of a
   * password hash or a token's hash is something to guess against, and wrapped keys open nothing
   * for the collective.
   */
  static final java.util.Set<String> NEVER_EXPORTED =
      java.util.Set.of(
          "data_key",
          "api_token",
          "user_second_factor",
          "passkey_user",
          "passkey_credential",
          "app_user.password_hash");

  /** What a leaving did: the rows exported and deleted, per table. */
  record Left(UUID organisation, String name, Map<String, Long> rows) {}

  private final DataSource dataSource;
  private final Vault vault;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  Leaving(DataSource dataSource, Vault vault, Clock clock) {
    this.dataSource = dataSource;
    this.vault = vault;
    this.clock = clock;
  }

  /** Exports and deletes the collective; {@code confirm} must be its short code. */
  Left leave(UUID organisation, String confirm, Path zip) throws IOException, SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Map<String, Object> collective = collective(connection, organisation, confirm);
        List<Table> tables = BackupTables.read(connection);
        Map<String, String> scopes = BackupWriter.scopes(tables, organisation);
        Map<String, Long> rows = export(connection, tables, scopes, zip, collective);
        new LeavingDeletes(connection, organisation).delete(tables, scopes);
        recordDeparture(connection, organisation, collective, rows);
        connection.commit();
        return new Left(organisation, (String) collective.get("name"), rows);
      } catch (IOException | SQLException | RuntimeException e) {
        connection.rollback();
        Files.deleteIfExists(zip);
        throw e;
      }
    }
  }

  private static Map<String, Object> collective(
      Connection connection, UUID organisation, String confirm) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select name, kind, state, district, short_code from organisation where id = ?"
                + " for update")) {
      s.setObject(1, organisation);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new Restorer.Refused("No organisation has the id " + organisation + ".");
        }
        if (!"COLLECTIVE".equals(rs.getString(2))) {
          throw new Restorer.Refused(
              "Only a collective leaves this way; this is a " + rs.getString(2) + ".");
        }
        if (!rs.getString(5).equals(confirm)) {
          throw new Restorer.Refused(
              "To confirm, give the collective's short code with --confirm (it is not "
                  + confirm
                  + ").");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", rs.getString(1));
        row.put("kind", rs.getString(2));
        row.put("state", rs.getString(3));
        row.put("district", rs.getString(4));
        return row;
      }
    }
  }

  private Map<String, Long> export(
      Connection connection,
      List<Table> tables,
      Map<String, String> scopes,
      Path zip,
      Map<String, Object> collective)
      throws IOException, SQLException {
    Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
    Map<String, Long> rows = new LinkedHashMap<>();
    try (ZipOutputStream out =
        new ZipOutputStream(
            Files.newOutputStream(
                partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
      readme(out, collective);
      for (Table table : tables) {
        String where = scopes.get(table.name());
        if (where != null && !NEVER_EXPORTED.contains(table.name())) {
          long n = exportTable(connection, table, where, out);
          if (n > 0) {
            rows.put(table.name(), n);
          }
        }
      }
    } catch (IOException | SQLException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
    return rows;
  }

  private long exportTable(Connection connection, Table table, String where, ZipOutputStream out)
      throws IOException, SQLException {
    List<Column> columns =
        table.columns().stream()
            .filter(c -> !NEVER_EXPORTED.contains(table.name() + "." + c.name()))
            .toList();
    List<Sealed> sealed = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select ");
    for (Column c : columns) {
      sql.append(c.name()).append(", ");
    }
    for (Column c : columns) {
      Sealed s = SealedColumns.BY_KEY.get(table.name() + "." + c.name());
      if (s != null) {
        sealed.add(s);
        sql.append(s.subject()).append(", ").append(s.field()).append(", ");
      }
    }
    sql.setLength(sql.length() - 2);
    sql.append(" from ").append(table.name()).append(" where ").append(where);
    // Read twice, once for each file, rather than held in memory: a collective's largest tables
    // (members, hand-overs, audit) run to hundreds of thousands of rows.
    boolean[] opened = {false};
    long written =
        rows(
            connection,
            sql.toString(),
            columns,
            sealed,
            row -> {
              if (!opened[0]) {
                out.putNextEntry(new ZipEntry("data/" + table.name() + ".jsonl"));
                opened[0] = true;
              }
              out.write(json.writeValueAsString(row).getBytes(StandardCharsets.UTF_8));
              out.write('\n');
            });
    if (written == 0) {
      return 0;
    }
    out.closeEntry();
    out.putNextEntry(new ZipEntry("tables/" + table.name() + ".csv"));
    List<String> header = columns.stream().map(Column::name).toList();
    long tabled;
    try (TableWriter csv = TableWriter.csv(new KeptOpen(out), header)) {
      tabled =
          rows(
              connection,
              sql.toString(),
              columns,
              sealed,
              row -> csv.row(header.stream().map(row::get).toList()));
    }
    out.closeEntry();
    if (tabled != written) {
      throw new IllegalStateException(
          table.name() + " changed while it was exported: " + written + " rows, then " + tabled);
    }
    return written;
  }

  /** What is done with each row read. */
  private interface RowSink {
    void accept(Map<String, Object> row) throws IOException;
  }

  /** Runs the query and hands each row, opened, to {@code sink}; answers how many there were. */
  private long rows(
      Connection connection, String sql, List<Column> columns, List<Sealed> sealed, RowSink sink)
      throws IOException, SQLException {
    long n = 0;
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      // In a transaction, PostgreSQL's driver then reads through a cursor, not all at once.
      s.setFetchSize(500);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sink.accept(row(rs, columns, sealed));
          n++;
        }
      }
    }
    return n;
  }

  private Map<String, Object> row(ResultSet rs, List<Column> columns, List<Sealed> sealed)
      throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      row.put(columns.get(i).name(), columns.get(i).kind().read(rs, i + 1));
    }
    int extra = columns.size() + 1;
    for (Sealed s : sealed) {
      UUID subject = rs.getObject(extra, UUID.class);
      String field = rs.getString(extra + 1);
      extra += 2;
      Object value = row.get(s.column());
      if (value != null) {
        row.put(s.column(), opened(subject, field, (String) value));
      }
    }
    return row;
  }

  private String opened(UUID subject, String field, String base64) {
    if (subject == null) {
      return NOT_OPENED;
    }
    return vault.decrypt(subject, field, Base64.getDecoder().decode(base64)).orElse(NOT_OPENED);
  }

  private void readme(ZipOutputStream out, Map<String, Object> collective) throws IOException {
    out.putNextEntry(new ZipEntry("README.txt"));
    String text =
        "Everything "
            + collective.get("name")
            + " kept in Sahay, written on "
            + OffsetDateTime.now(clock).toLocalDate()
            + " as it left.\n\n"
            + "tables/  one CSV file per kind of record, for people: open them in a spreadsheet"
            + " program (UTF-8, so Telugu, Bengali and Hindi show as written).\n"
            + "data/    the same records as JSON lines, one object per record, for programs.\n\n"
            + "Fields that Sahay kept encrypted are opened here. A field that reads \""
            + NOT_OPENED
            + "\" belonged to a member who had been erased.\n"
            + "This file holds personal data: keep it encrypted and share it with nobody who"
            + " should not see it.\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  private void recordDeparture(
      Connection connection,
      UUID organisation,
      Map<String, Object> collective,
      Map<String, Long> rows)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "insert into departed_organisation (id, kind, state, district, left_at, counts)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, organisation);
      s.setString(2, (String) collective.get("kind"));
      s.setString(3, (String) collective.get("state"));
      s.setString(4, (String) collective.get("district"));
      s.setObject(5, OffsetDateTime.now(clock));
      s.setString(6, json.writeValueAsString(rows));
      s.executeUpdate();
    }
  }

  /** The ZIP stays open when one of its entries' writers is closed. */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
