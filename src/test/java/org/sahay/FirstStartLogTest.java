package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A first start, as a newcomer runs it (embedded H2 in an empty data directory, no test profile):
 * the set-up code stands alone and last, and nothing else warns but the keyset's one explained
 * warning (issue 12 item 12). Flyway's out-of-order and H2-version notices and SpringDoc's reminder
 * used to warn beside it; the thirty lines of migrations are one.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartLogTest {

  @Test
  void aFirstStartShowsTheSetUpCodeAloneAndLast(@TempDir Path dir, CapturedOutput output)
      throws Exception {
    String data = dir.resolve("data").toString();
    try (var context =
        new SpringApplicationBuilder(SahayApplication.class)
            // As arguments: they outrank application.yml, where default properties would not.
            .run(
                "--server.port=0",
                "--sahay.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:"
                    + data
                    + "/sahay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--sahay.bootstrap.admin-username=",
                "--sahay.bootstrap.admin-password=")) {
      String log = output.getOut();
      int code = log.indexOf("one-time set-up code: ");
      assertThat(code).as("the set-up code is logged").isPositive();
      List<String> warnings =
          log.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
      assertThat(warnings)
          .as("only the keyset's explained warning and the set-up code")
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("Created a new master keyset"))
          .anySatisfy(l -> assertThat(l).contains("org.sahay.access.FirstRun"));
      assertThat(log).doesNotContain("outOfOrder", "newer than the version Flyway", "SpringDoc");
      assertThat(log).contains("Database schema: ").doesNotContain("Migrating schema");
      // Framed on lines of its own, and nothing logged after it.
      String after = log.substring(code);
      assertThat(after.lines().skip(1).filter(l -> !l.isBlank()).toList())
          .containsExactly("=".repeat(80));
      assertThat(Files.exists(Path.of(data + "-keys", "master-keyset.json"))).isTrue();
    }
  }
}
