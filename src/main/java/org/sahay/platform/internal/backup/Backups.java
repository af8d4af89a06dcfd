package org.sahay.platform.internal.backup;

import com.google.crypto.tink.Aead;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sahay.platform.internal.backup.BackupTables.Table;
import org.sahay.platform.internal.backup.BackupWriter.Written;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backs up the database Sahay is configured for to one encrypted, portable file, and restores such
 * a file into an empty database of either kind (H2 or PostgreSQL), verified table by table.
 */
final class Backups {

  static final int FORMAT = 1;

  /** What a backup or restore did: the tables in order, and what was done to the data keys. */
  record Summary(String schema, UUID organisation, List<Written> tables, DataKeys.Checked keys) {
    long rows() {
      return tables.stream().mapToLong(Written::rows).sum();
    }
  }

  private final DataSource dataSource;
  private final Aead backupKeyset;
  private final DataKeys dataKeys;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  Backups(DataSource dataSource, Aead backupKeyset, DataKeys dataKeys, Clock clock) {
    this.dataSource = dataSource;
    this.backupKeyset = backupKeyset;
    this.dataKeys = dataKeys;
    this.clock = clock;
  }

  /**
   * Writes everything, or one organisation's rows ({@code organisation} not null), to {@code to}, a
   * file that must not exist yet; written beside it first and moved there only once complete.
   */
  Summary backup(Path to, UUID organisation, Consumer<Written> done)
      throws IOException, SQLException {
    Path partial = to.resolveSibling(to.getFileName() + ".partial");
    Summary summary;
    try (OutputStream file =
            Files.newOutputStream(
                partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream sealed = BackupFile.seal(file, backupKeyset);
        Writer out = new BufferedWriter(new OutputStreamWriter(sealed, StandardCharsets.UTF_8))) {
      summary = write(out, organisation, done);
    } catch (IOException | SQLException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
    return summary;
  }

  private Summary write(Writer out, UUID organisation, Consumer<Written> done)
      throws IOException, SQLException {
    try (Connection connection = dataSource.getConnection()) {
      // One snapshot: every table as it stood at one moment, whatever the nodes write meanwhile.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        String schema = schemaVersion(connection);
        if (organisation != null && !organisationExists(connection, organisation)) {
          throw new Restorer.Refused("No organisation has the id " + organisation + ".");
        }
        List<Table> tables = BackupTables.read(connection);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("sahay", "backup");
        header.put("format", FORMAT);
        header.put("schema", schema);
        header.put("createdAt", OffsetDateTime.now(clock).toString());
        header.put("organisation", organisation == null ? null : organisation.toString());
        line(out, header);
        List<Written> written =
            new BackupWriter(json).write(connection, tables, organisation, out, done);
        line(out, Map.of("complete", true, "tables", written.size()));
        return new Summary(schema, organisation, written, null);
      } finally {
        connection.rollback();
      }
    }
  }

  /** Restores {@code from} into this (empty) database, in one transaction: all or nothing. */
  Summary restore(Path from, Consumer<Written> done) throws IOException, SQLException {
    try (InputStream file = Files.newInputStream(from);
        InputStream opened = BackupFile.open(file, backupKeyset);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(opened, StandardCharsets.UTF_8), 1 << 16);
        Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        JsonNode header = header(in.readLine());
        String schema = schemaVersion(connection);
        if (!schema.equals(header.path("schema").asString())) {
          throw new Restorer.Refused(
              "This backup was made by a Sahay whose database was at version "
                  + header.path("schema").asString()
                  + "; this one is at "
                  + schema
                  + ". Restore it with the version that made it, then upgrade.");
        }
        Restorer.requireEmpty(connection);
        List<Written> tables =
            new Restorer(json).restore(connection, BackupTables.read(connection), in, done);
        DataKeys.Checked keys = dataKeys.check(connection);
        connection.commit();
        String organisation = header.path("organisation").asString(null);
        return new Summary(
            schema, organisation == null ? null : UUID.fromString(organisation), tables, keys);
      } catch (IOException | SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private JsonNode header(String line) {
    JsonNode header = line == null ? null : json.readTree(line);
    if (header == null
        || !"backup".equals(header.path("sahay").asString())
        || header.path("format").asInt() != FORMAT) {
      throw new Restorer.Refused("This backup's format is not one this version of Sahay reads.");
    }
    return header;
  }

  private void line(Writer out, Object value) throws IOException {
    out.write(json.writeValueAsString(value));
    out.write('\n');
  }

  private static boolean organisationExists(Connection connection, UUID organisation)
      throws SQLException {
    try (var statement =
        connection.prepareStatement("select count(*) from organisation where id = ?")) {
      statement.setObject(1, organisation);
      try (var rs = statement.executeQuery()) {
        return rs.next() && rs.getLong(1) == 1;
      }
    }
  }

  /** The schema's version (the highest migration applied), as Flyway recorded it. */
  static String schemaVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        var rs =
            s.executeQuery(
                "select version from flyway_schema_history where success = true"
                    + " and version is not null")) {
      String highest = null;
      while (rs.next()) {
        String version = rs.getString(1);
        if (highest == null || VERSIONS.compare(version, highest) > 0) {
          highest = version;
        }
      }
      return highest == null ? "none" : highest;
    }
  }

  /** Flyway's versions compared part by part as numbers: 75 after 9, 1.10 after 1.9. */
  private static final Comparator<String> VERSIONS =
      (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
          long p = i < x.length ? Long.parseLong(x[i]) : 0;
          long q = i < y.length ? Long.parseLong(y[i]) : 0;
          if (p != q) {
            return Long.compare(p, q);
          }
        }
        return 0;
      };
}
