package org.sahay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sahay.platform.internal.MigrationSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of a test's own (embedded H2, every migration applied), for what must commit without
 * touching the shared test database: rotating master keys, and copying the whole database as a
 * backup would.
 */
public final class PrivateDatabase implements AutoCloseable {

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final DataSourceTransactionManager transactions;

  private final String url;
  private final MigrationSession migration = new MigrationSession();

  private PrivateDatabase(SimpleDriverDataSource dataSource) {
    this.dataSource = dataSource;
    this.url = dataSource.getUrl();
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new DataSourceTransactionManager(dataSource);
    this.tx = new TransactionTemplate(transactions);
  }

  /** A fresh database with Sahay's schema. */
  public static PrivateDatabase migrated() {
    PrivateDatabase db = empty();
    try {
      // As the application does (see MigrationSession): H2 keeps the migrating session inside
      // some check constraints, so it stays open as long as the database.
      db.migration.migrate(
          Flyway.configure().locations("classpath:db/migration").outOfOrder(true).load(),
          db.url,
          "sa",
          "");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return db;
  }

  private static PrivateDatabase empty() {
    var dataSource = new SimpleDriverDataSource();
    dataSource.setDriverClass(org.h2.Driver.class);
    dataSource.setUrl(
        "jdbc:h2:mem:private-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    dataSource.setUsername("sa");
    dataSource.setPassword("");
    return new PrivateDatabase(dataSource);
  }

  /** A copy of everything in this database, as a backup taken now holds it. */
  public PrivateDatabase backup(Path directory) {
    Path script = directory.resolve("backup-" + UUID.randomUUID() + ".sql");
    execute("SCRIPT TO '" + script.toAbsolutePath() + "'");
    PrivateDatabase copy = empty();
    copy.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
    return copy;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public TransactionTemplate tx() {
    return tx;
  }

  public DataSourceTransactionManager transactions() {
    return transactions;
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    execute("SHUTDOWN");
    try {
      migration.close();
    } catch (SQLException e) {
      // The database is shut down already.
    }
  }
}
