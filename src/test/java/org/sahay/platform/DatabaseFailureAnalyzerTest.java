package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sahay.platform.internal.DatabaseFailureAnalyzer;
import org.springframework.beans.factory.BeanCreationException;

class DatabaseFailureAnalyzerTest {

  private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer();

  @Test
  void unreachableServerNamesTheSettingToFix() {
    var failure =
        new BeanCreationException(
            "flyway", new SQLException("Connection to localhost:5999 refused.", "08001"));
    var analysis = analyzer.analyze(failure);
    assertThat(analysis.getDescription()).contains("cannot reach its database");
    assertThat(analysis.getAction()).contains("SAHAY_DB_URL");
  }

  @Test
  void wrongPasswordNamesUserAndPasswordSettingsWithoutEchoingThePassword() {
    var failure =
        new BeanCreationException(
            "flyway",
            new SQLException("password authentication failed for user \"sahay\"", "28P01"));
    var analysis = analyzer.analyze(failure);
    assertThat(analysis.getAction()).contains("SAHAY_DB_USER").contains("SAHAY_DB_PASSWORD");
  }

  @Test
  void missingDatabaseSaysHowToCreateIt() {
    var failure =
        new BeanCreationException(
            "flyway", new SQLException("database \"nope\" does not exist", "3D000"));
    assertThat(analyzer.analyze(failure).getAction()).contains("createdb");
  }
}
