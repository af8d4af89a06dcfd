package org.sahay.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows into one table inside the caller's transaction: through PostgreSQL's COPY
 * protocol where the database is PostgreSQL (one round trip, no statement per row), as one JDBC
 * batch of inserts on H2. Values are UUIDs, strings, numbers, booleans, dates, timestamps or bytes;
 * null is null.
 */
@Component
public class BulkRows {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Database database;

  BulkRows(DataSource dataSource, JdbcTemplate jdbc, Database database) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Inserts {@code rows} (each with one value per column, in order) into {@code table}. */
  public void insert(String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (!NAME.matcher(table).matches()
        || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
      throw new IllegalArgumentException("not a table or column name");
    }
    if (database.postgres()) {
      copy(table, columns, rows);
    } else {
      String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
      jdbc.batchUpdate(
          "insert into %s (%s) values (%s)".formatted(table, String.join(", ", columns), marks),
          rows);
    }
  }

  private void copy(String table, List<String> columns, List<Object[]> rows) {
    StringBuilder text = new StringBuilder(rows.size() * 128);
    // A chunk's rows mostly share one timestamp: formatted once, not once per row.
    Map<Object, String> times = new HashMap<>();
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.length + " values, not " + columns.size());
      }
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        append(text, row[i], times);
      }
      text.append('\n');
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy %s (%s) from stdin (format text)".formatted(table, String.join(", ", columns)),
              new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (SQLException | IOException e) {
      // Not the message: it can quote the values of a row.
      throw new IllegalStateException("copy into " + table + " failed: " + sqlState(e), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static String sqlState(Exception e) {
    return e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName();
  }

  /** One value in COPY's text format: {@code \N} for null, backslash escapes, bytes as hex. */
  private static void append(StringBuilder text, Object value, Map<Object, String> times) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof byte[] bytes) {
      text.append("\\\\x");
      for (byte b : bytes) {
        text.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    } else if (value instanceof OffsetDateTime at) {
      text.append(
          times.computeIfAbsent(at, t -> at.withOffsetSameInstant(ZoneOffset.UTC).toString()));
    } else if (value instanceof java.time.Instant at) {
      text.append(times.computeIfAbsent(at, Object::toString));
    } else {
      String s = value.toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(c);
        }
      }
    }
  }
}
