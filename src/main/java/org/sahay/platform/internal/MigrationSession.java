package org.sahay.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The connection migrations run on. H2 2.4 keeps, inside a check constraint with an {@code IN} list
 * that a migration creates, the session that created it; once that session is closed (the pool
 * retires every connection after 30 minutes), each insert the constraint checks fails with "Check
 * constraint invalid" until the database is opened again. Found restoring a backup into a fresh H2;
 * a first start on H2 had the same fault waiting for its 31st minute. So on H2 the migrations run
 * on a connection of their own, kept open until the application stops. PostgreSQL is unaffected and
 * migrates through the pool as before.
 */
public final class MigrationSession implements AutoCloseable {

  private Connection kept;

  /** Migrates; on H2 through a connection kept open until {@link #close}. */
  public MigrateResult migrate(Flyway flyway, String url, String user, String password)
      throws SQLException {
    if (url == null || !url.startsWith("jdbc:h2:")) {
      return flyway.migrate();
    }
    kept = DriverManager.getConnection(url, user, password);
    return Flyway.configure()
        .configuration(flyway.getConfiguration())
        .dataSource(new SingleConnectionDataSource(kept, true))
        .load()
        .migrate();
  }

  @Override
  public void close() throws SQLException {
    if (kept != null) {
      kept.close();
      kept = null;
    }
  }
}
