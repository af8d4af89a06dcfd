package org.sahay.platform.internal;

import java.sql.SQLException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Migrates the database at start and says so in one line. Flyway's own lines are turned down in
 * application.yml (a first start printed thirty of them, and two warnings that look like trouble
 * but are not), so that the set-up code stands out; a failed migration still stops the start with
 * Flyway's error.
 */
@Configuration(proxyBeanMethods = false)
public class QuietMigrations {

  private static final Logger log = LoggerFactory.getLogger(QuietMigrations.class);

  /** Closed when the application stops, before the pool (see {@link MigrationSession}). */
  @Bean
  MigrationSession migrationSession() {
    return new MigrationSession();
  }

  @Bean
  FlywayMigrationStrategy migrateAndSayWhere(MigrationSession session, Environment env) {
    return flyway -> {
      MigrateResult result;
      try {
        result =
            session.migrate(
                flyway,
                env.getProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open the database to migrate it", e);
      }
      String now =
          flyway.info().current() == null
              ? "none"
              : flyway.info().current().getVersion().getVersion();
      if (result.migrationsExecuted == 0) {
        log.info("Database schema up to date (version {})", now);
      } else {
        log.info(
            "Database schema: {} migrations applied, now at version {}",
            result.migrationsExecuted,
            now);
      }
    };
  }
}
