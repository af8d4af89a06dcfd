package org.sahay.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahay.FirstRunReset;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.FirstRun;
import org.sahay.access.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class BootstrapAdminIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Users users;
  @Autowired private FirstRun firstRun;

  @Test
  void theBootstrapSettingsCreateTheSystemAdminOnlyWhileNoUserExists() throws Exception {
    FirstRunReset.removeAllUsers(jdbc);
    assertThat(http().signIn("boot.admin", "lotus-compass-9182").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("error"));

    new FirstRunStartup(users, firstRun, "boot.admin", "lotus-compass-9182").run(null);
    Http http = http();
    String token = http.token("boot.admin", "lotus-compass-9182");
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).body())
        .contains("SYSTEM_ADMIN");

    new FirstRunStartup(users, firstRun, "second.admin", "lotus-compass-9183").run(null);
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aWeakBootstrapPasswordCreatesNobody() throws Exception {
    FirstRunReset.removeAllUsers(jdbc);
    new FirstRunStartup(users, firstRun, "boot.admin", "password").run(null);
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
    new FirstRunStartup(users, firstRun, "boot.admin", "lotus-compass-9182").run(null);
  }
}
