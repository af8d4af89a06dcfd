package org.sahay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sahay started by a driver run by hand (docs/benchmarks.md): on PostgreSQL when SAHAY_TEST_DB_URL
 * names one, else on a fresh H2 file under {@code target/<name>}, on a free port, quiet.
 */
public final class Benchmarked {

  private Benchmarked() {}

  public static ConfigurableApplicationContext start(String name) throws java.io.IOException {
    Path data = Path.of("target", name);
    List<String> settings =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--sahay.data-dir=" + data,
                "--logging.level.root=WARN",
                "--logging.level.org.sahay=WARN"));
    if (System.getenv("SAHAY_TEST_DB_URL") == null) {
      Files.createDirectories(data);
      Files.deleteIfExists(data.resolve("bench.mv.db"));
      settings.add(
          "--spring.datasource.url=jdbc:h2:file:./"
              + data
              + "/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
    SpringApplication application = new SpringApplication(SahayApplication.class);
    application.setAdditionalProfiles("test");
    return application.run(settings.toArray(String[]::new));
  }
}
