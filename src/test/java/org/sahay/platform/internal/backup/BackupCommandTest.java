package org.sahay.platform.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a person runs them ({@code java -jar sahay.jar backup --to FILE}), in this JVM:
 * each starts the database alone on the usual settings, prints what it did, and answers an exit
 * status; a wrong command line or a second restore is refused with a sentence.
 */
class BackupCommandTest {

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aBackupOfOneH2DatabaseRestoresIntoAnotherOnceAndOnlyOnce() throws Exception {
    Path file = temp.resolve("sahay.backup");
    assertThat(run("backup", "--to", temp.resolve("empty.backup").toString(), database("first")))
        .isZero();
    addACollective("first");
    assertThat(run("backup", "--to", file.toString(), database("first"))).isZero();
    assertThat(printed())
        .contains("Backed up everything")
        .contains("sealed under the backup keyset");
    assertThat(temp.resolve("keys/backup-keyset.json")).exists();

    assertThat(run("restore", "--from", file.toString(), database("second"))).isZero();
    assertThat(printed())
        .contains("Restored everything")
        .contains("every table read back matches the backup's count and digest")
        .containsPattern("organisation +1 rows");

    assertThat(run("restore", "--from", file.toString(), database("first"))).isEqualTo(1);
    assertThat(errors()).contains("empty database");
    assertThat(run("backup", "--to", file.toString(), database("first"))).isEqualTo(1);
    assertThat(errors()).contains("exists already");
  }

  @Test
  void aCommandLineNotUnderstoodIsAnsweredWithHowToWriteIt() {
    assertThat(run("backup")).isEqualTo(2);
    assertThat(errors()).contains("--to FILE").contains("Usage");
    assertThat(run("backup", "--to", "x", "--organisation", "not-an-id")).isEqualTo(2);
    assertThat(errors()).contains("organisation's id");
    assertThat(run("restore", "--to", "x")).isEqualTo(2);
    assertThat(
            run("leave", "--to", "x.zip", "--organisation", "0e5a1a2b-0000-4000-8000-000000000001"))
        .isEqualTo(2);
    assertThat(errors()).contains("--confirm SHORT-CODE");
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--sahay.data-dir=" + temp.resolve("data"));
    all.add("--sahay.crypto.master-keyset=" + temp.resolve("keys/master-keyset.json"));
    out.reset();
    err.reset();
    return BackupCommand.run(
        all.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private void addACollective(String name) throws java.sql.SQLException {
    try (var c =
            java.sql.DriverManager.getConnection(
                database(name).substring("--spring.datasource.url=".length()), "sa", "");
        var s = c.createStatement()) {
      s.executeUpdate(
          "insert into organisation (id, name, kind, state, district, short_code,"
              + " default_language, time_zone, active, created_at) values"
              + " (random_uuid(), 'Synthetic Collective', 'COLLECTIVE', 'Andhra Pradesh', 'Guntur',"
              + " 'SYN', 'te', 'Asia/Kolkata', true, current_timestamp)");
    }
  }

  private String database(String name) {
    return "--spring.datasource.url=jdbc:h2:file:"
        + temp.resolve(name).toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
