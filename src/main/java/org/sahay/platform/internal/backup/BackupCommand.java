package org.sahay.platform.internal.backup;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.QuietMigrations;
import org.sahay.platform.internal.crypto.KeysetFiles;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code java -jar sahay.jar backup --to FILE [--organisation ID]} and {@code java -jar sahay.jar
 * restore --from FILE}: run on the database and keysets Sahay is configured for (the same settings
 * as a start), print what they did, and exit. They start only the database and its migrations, no
 * web server and no scheduled work, so nothing writes beside a restore.
 */
public final class BackupCommand {

  /** The database, its migrations and nothing of Sahay's own beans. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
  })
  @Import(QuietMigrations.class)
  static class Database {}

  /** What was asked for on the command line. */
  record Request(
      String command, Path file, UUID organisation, String confirm, List<String> settings) {}

  private BackupCommand() {}

  /** True when {@code args} name one of these commands. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && List.of("backup", "restore", "leave").contains(args[0]);
  }

  /** Runs the command {@code args} name; the answer is the process's exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Request request;
    try {
      request = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println("Usage: java -jar sahay.jar backup --to FILE [--organisation ID]");
      err.println("       java -jar sahay.jar restore --from FILE");
      err.println(
          "       java -jar sahay.jar leave --organisation ID --confirm SHORT-CODE --to FILE.zip");
      return 2;
    }
    // The ahead-of-time start (bin/sahay) is built for the whole application, not for this.
    System.setProperty("spring.aot.enabled", "false");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Database.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(request.settings().toArray(String[]::new))) {
      return execute(request, context, out);
    } catch (Restorer.Refused | BackupFile.Unreadable | Vault.WrongMasterKeyset e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException | SQLException e) {
      // The message of a failed file or database operation names no person.
      err.println("The " + request.command() + " failed and changed nothing: " + e.getMessage());
      return 1;
    }
  }

  static Request parse(String[] args) {
    String command = args[0];
    Path file = null;
    UUID organisation = null;
    String confirm = null;
    List<String> settings = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (arg.equals(command.equals("restore") ? "--from" : "--to") && value != null) {
        file = Path.of(value);
        i++;
      } else if (!command.equals("restore") && arg.equals("--organisation") && value != null) {
        organisation = organisationId(value);
        i++;
      } else if (command.equals("leave") && arg.equals("--confirm") && value != null) {
        confirm = value;
        i++;
      } else if (arg.startsWith("--") && arg.contains("=")) {
        settings.add(arg);
      } else {
        throw new IllegalArgumentException("Not understood: " + arg);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException(
          command.equals("restore") ? "Say from where: --from FILE" : "Say where to: --to FILE");
    }
    if (command.equals("leave") && (organisation == null || confirm == null)) {
      throw new IllegalArgumentException(
          "Say which collective leaves (--organisation ID) and confirm it (--confirm SHORT-CODE).");
    }
    return new Request(command, file, organisation, confirm, List.copyOf(settings));
  }

  private static UUID organisationId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--organisation takes an organisation's id (a UUID).");
    }
  }

  private static int execute(
      Request request, ConfigurableApplicationContext context, PrintStream out)
      throws IOException, SQLException {
    Environment env = context.getEnvironment();
    MasterKeyset master =
        KeysetFiles.master(
            env.getProperty("sahay.crypto.master-keyset", ""), env.getProperty("sahay.data-dir"));
    Clock clock = Clock.systemUTC();
    // Refuses a keyset that does not open this database's check value, and gives a new database
    // one.
    Vault vault = new Vault(context.getBean(JdbcClient.class), master, clock, 0);
    BackupReport report = new BackupReport(out);
    if (!request.command().equals("restore") && Files.exists(request.file())) {
      throw new Restorer.Refused(request.file() + " exists already: name a new file.");
    }
    if (request.command().equals("leave")) {
      report.left(
          request.file(),
          new Leaving(context.getBean(DataSource.class), vault, clock)
              .leave(request.organisation(), request.confirm(), request.file()));
      return 0;
    }
    Path keysetFile = KeysetFiles.backupKeyset(env.getProperty("sahay.backup.keyset", ""), master);
    Backups backups =
        new Backups(
            context.getBean(DataSource.class),
            backupKeyset(keysetFile, request.command().equals("backup")),
            new DataKeys(master),
            clock);
    if (request.command().equals("backup")) {
      report.backedUp(
          request.file(), backups.backup(request.file(), request.organisation(), report::table));
    } else {
      report.restored(request.file(), backups.restore(request.file(), report::table));
    }
    return 0;
  }

  private static Aead backupKeyset(Path file, boolean mayCreate) {
    if (!mayCreate && !Files.exists(file)) {
      throw new Restorer.Refused(
          "No backup keyset at "
              + file.toAbsolutePath()
              + ": copy the backup-keyset.json of the installation that made the backup there, or"
              + " set SAHAY_BACKUP_KEYSET to it.");
    }
    return MasterKeyset.loadOrCreate(file, "backup keyset").aead();
  }
}
