package org.sahay.platform.internal.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * How a column's values are written into a backup and read back: one portable form per kind, the
 * same whichever database the row came from (a timestamp with time zone always in UTC, bytes in
 * base64, a UUID as text), so that a backup taken on H2 restores on PostgreSQL and the two give
 * equal digests.
 */
enum Kind {
  UUID_TEXT,
  TEXT,
  INTEGER,
  DECIMAL,
  FLOATING,
  BOOLEAN,
  BYTES,
  DATE,
  TIMESTAMP,
  TIMESTAMP_TZ,
  TIME;

  static Kind of(String typeName, int jdbcType) {
    String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (type.equals("uuid")) {
      return UUID_TEXT;
    }
    if (type.equals("timestamptz") || type.equals("timestamp with time zone")) {
      return TIMESTAMP_TZ;
    }
    if (type.equals("bytea")) {
      return BYTES;
    }
    return switch (jdbcType) {
      case Types.BIT, Types.BOOLEAN -> BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
      case Types.DATE -> DATE;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      case Types.TIME -> TIME;
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB ->
          TEXT;
      default ->
          throw new IllegalStateException("a column of type " + typeName + " cannot be backed up");
    };
  }

  /** The column's value in the current row, in its portable form (null stays null). */
  Object read(ResultSet rs, int index) throws SQLException {
    Object value =
        switch (this) {
          case UUID_TEXT -> rs.getObject(index, UUID.class);
          case TEXT -> rs.getString(index);
          case INTEGER -> rs.getLong(index);
          case DECIMAL -> rs.getBigDecimal(index);
          case FLOATING -> rs.getDouble(index);
          case BOOLEAN -> rs.getBoolean(index);
          case BYTES -> rs.getBytes(index);
          case DATE -> rs.getObject(index, LocalDate.class);
          case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
          case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
          case TIME -> rs.getObject(index, LocalTime.class);
        };
    if (rs.wasNull() || value == null) {
      return null;
    }
    return switch (this) {
      case UUID_TEXT, DATE, TIMESTAMP, TIME -> value.toString();
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
      case TIMESTAMP_TZ ->
          ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toString();
      default -> value;
    };
  }

  /** Binds a value read from a backup to an insert. */
  void bind(PreparedStatement statement, int index, JsonNode value, int jdbcType)
      throws SQLException {
    if (value == null || value.isNull()) {
      statement.setNull(index, jdbcType);
      return;
    }
    switch (this) {
      case UUID_TEXT -> statement.setObject(index, UUID.fromString(value.asString()));
      case TEXT -> statement.setString(index, value.asString());
      case INTEGER -> statement.setLong(index, value.asLong());
      case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(value.asString()));
      case FLOATING -> statement.setDouble(index, value.asDouble());
      case BOOLEAN -> statement.setBoolean(index, value.asBoolean());
      case BYTES -> statement.setBytes(index, Base64.getDecoder().decode(value.asString()));
      case DATE -> statement.setObject(index, LocalDate.parse(value.asString()));
      case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(value.asString()));
      case TIMESTAMP_TZ -> statement.setObject(index, OffsetDateTime.parse(value.asString()));
      case TIME -> statement.setObject(index, LocalTime.parse(value.asString()));
    }
  }
}
