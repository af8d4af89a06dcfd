package org.sahay.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sahay.FirstRunReset;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.FirstRun;
import org.sahay.access.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Users users;
  @Autowired private FirstRun firstRun;
  @Autowired private MessageSource messages;

  @Test
  void theBootstrapSettingsCreateTheSystemAdminOnlyWhileNoUserExists() throws Exception {
    FirstRunReset.removeAllUsers(jdbc);
    assertThat(http().signIn("boot.admin", "lotus-compass-9182").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("error"));

    new FirstRunStartup(users, firstRun, messages, "boot.admin", "lotus-compass-9182").run(null);
    Http http = http();
    String token = http.token("boot.admin", "lotus-compass-9182");
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).body())
        .contains("SYSTEM_ADMIN");

    new FirstRunStartup(users, firstRun, messages, "second.admin", "lotus-compass-9183").run(null);
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aWeakBootstrapPasswordCreatesNobodyAndStopsTheStartWithTheReasonInWords(
      CapturedOutput output) throws Exception {
    FirstRunReset.removeAllUsers(jdbc);
    assertThatThrownBy(
            () ->
                new FirstRunStartup(users, firstRun, messages, "boot.admin", "boot.admin-2026x")
                    .run(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SAHAY_BOOTSTRAP_ADMIN_PASSWORD refused")
        .hasMessageContaining("The password must not contain the username.");
    assertThat(output.getOut())
        .contains("The password must not contain the username.")
        .doesNotContain("password.containsUsername")
        .doesNotContain("boot.admin-2026x");
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();

    assertThatThrownBy(
            () ->
                new FirstRunStartup(users, firstRun, messages, "boot.admin", "password").run(null))
        .hasMessageContaining("at least 10 characters");
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
    new FirstRunStartup(users, firstRun, messages, "boot.admin", "lotus-compass-9182").run(null);
  }
}
