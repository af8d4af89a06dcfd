package org.sahay.platform;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Which database Sahay runs on, for the few places that use what only PostgreSQL has. */
@Component
public class Database {

  private final DataSource dataSource;
  private volatile Boolean postgres;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** True on PostgreSQL, false on the embedded H2; asked of the database once. */
  public boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      try {
        known =
            "PostgreSQL"
                .equals(
                    JdbcUtils.extractDatabaseMetaData(
                        dataSource, DatabaseMetaData::getDatabaseProductName));
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell which database this is", e);
      }
      postgres = known;
    }
    return known;
  }
}
