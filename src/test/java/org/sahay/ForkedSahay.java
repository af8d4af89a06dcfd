package org.sahay;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sahay in a JVM of its own, on the test suite's database (the in-memory H2 through a TCP server,
 * or the suite's PostgreSQL), so that a test can kill it like a crash does (SIGKILL, nothing shut
 * down) and start it again on the same port.
 */
public final class ForkedSahay implements AutoCloseable {

  private static org.h2.tools.Server h2;

  private final int port;
  private final Path log;
  private Process process;

  public ForkedSahay(int port, Path log) {
    this.port = port;
    this.log = log;
  }

  public int port() {
    return port;
  }

  /** Starts it and waits until its health is UP. */
  public void start() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "org.sahay.SahayApplication",
            "--spring.profiles.active=test",
            "--server.port=" + port,
            "--sahay.data-dir=target/forked-data",
            // Quick to notice a dead node, so the test need not wait out the default 20 s.
            "--sahay.nodes.heartbeat=1s",
            "--sahay.nodes.dead-after=3s"));
    String h2Url = h2Url();
    if (h2Url != null) {
      command.add("--spring.datasource.url=" + h2Url);
    }
    Files.createDirectories(log.getParent());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("forked Sahay stopped; see " + log);
      }
      try {
        var health =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("forked Sahay did not come up; see " + log);
  }

  /** Dies as in a crash: no shutdown hooks, claims and heartbeats left as they were. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  /**
   * The suite's in-memory H2 served over TCP to the forked JVM; null when the suite runs on
   * PostgreSQL, whose address the fork reads from the same environment.
   */
  private static synchronized String h2Url() throws java.sql.SQLException {
    String url = System.getenv("SAHAY_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return null;
    }
    if (h2 == null) {
      h2 = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifExists").start();
    }
    return "jdbc:h2:tcp://localhost:"
        + h2.getPort()
        + "/mem:sahay-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";LOCK_TIMEOUT=60000";
  }
}
