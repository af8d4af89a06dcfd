package org.sahay.platform.internal.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sahay.PrivateDatabase;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An empty database with Sahay's schema to restore into, of the other kind than the suite's: on the
 * H2 run, the PostgreSQL database {@code SAHAY_TEST_RESTORE_DB_URL} names (emptied first), so that
 * H2 to PostgreSQL is tried; on the PostgreSQL run, and when none is named, a private H2.
 */
final class RestoreTarget implements AutoCloseable {

  private final DataSource dataSource;
  private final PrivateDatabase h2;

  private RestoreTarget(DataSource dataSource, PrivateDatabase h2) {
    this.dataSource = dataSource;
    this.h2 = h2;
  }

  static RestoreTarget otherThan(DataSource source) throws SQLException {
    String url = System.getenv("SAHAY_TEST_RESTORE_DB_URL");
    if (url == null || url.isBlank() || isPostgres(source)) {
      return privateH2();
    }
    var postgres = new SimpleDriverDataSource();
    postgres.setDriverClass(org.postgresql.Driver.class);
    postgres.setUrl(url);
    postgres.setUsername(System.getenv("SAHAY_TEST_RESTORE_DB_USER"));
    postgres.setPassword(System.getenv("SAHAY_TEST_RESTORE_DB_PASSWORD"));
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists public cascade");
      s.execute("create schema public");
    }
    migrate(postgres);
    return new RestoreTarget(postgres, null);
  }

  static RestoreTarget privateH2() {
    PrivateDatabase db = PrivateDatabase.migrated();
    return new RestoreTarget(db.dataSource(), db);
  }

  DataSource dataSource() {
    return dataSource;
  }

  boolean isPostgres() throws SQLException {
    return isPostgres(dataSource);
  }

  static boolean isPostgres(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
  }

  @Override
  public void close() {
    if (h2 != null) {
      h2.close();
    }
  }
}
