package org.sahay.platform.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.backup.BackupWriter.Written;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.sahay.registry.ErasureReason;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backups of the suite's database (H2 or PostgreSQL) restored into an empty database of the other
 * kind: every table reads back the same, sealed fields open with the same master keyset, one
 * organisation's backup holds nobody else's rows, and a changed or cut file restores nothing.
 */
class BackupIntegrationTest extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired MasterKeyset master;
  @Autowired Members members;
  @Autowired JdbcClient jdbc;

  @TempDir Path temp;

  @Test
  void everythingRestoresIntoAnEmptyDatabaseOfTheOtherKindAndReadsTheSame() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    MemberId kept = register(leader.actor(), "Backup Kept Lakshmi");
    MemberId erased = register(leader.actor(), "Backup Erased Sunita");
    members.erase(
        fixtures.user(collective, Role.ORG_ADMIN).actor(), erased, ErasureReason.MEMBER_REQUEST);
    Path file = temp.resolve("all.sahay-backup");
    Aead backupKeys = backupKeyset("backup-keyset.json");

    List<Written> written = new ArrayList<>();
    var backup = backups(dataSource, backupKeys).backup(file, null, written::add);
    assertThat(backup.tables()).hasSizeGreaterThan(90);
    assertThat(Files.readAllBytes(file)).startsWith(BackupFile.MAGIC);
    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Lakshmi")
        .doesNotContain(collective.id().toString());

    try (RestoreTarget target = RestoreTarget.otherThan(dataSource)) {
      var restored = backups(target.dataSource(), backupKeys).restore(file, t -> {});
      // Every table, value for value: the restore read each back and compared its digest.
      assertThat(digests(restored.tables())).isEqualTo(digests(backup.tables()));
      assertThat(restored.keys().retired()).isZero();
      assertThat(restored.keys().opened())
          .isEqualTo(jdbc.sql("select count(*) from data_key").query(Long.class).single());

      JdbcClient there = JdbcClient.create(target.dataSource());
      Vault vault = new Vault(there, master, Clock.systemUTC(), 0);
      assertThat(personal(vault, there, kept))
          .hasValueSatisfying(p -> assertThat(p).contains("Backup Kept Lakshmi"));
      assertThat(personal(vault, there, erased)).isEmpty();

      // A second restore into a database that now has organisations is refused, changing nothing.
      long before = count(there, "member");
      assertThatThrownBy(() -> backups(target.dataSource(), backupKeys).restore(file, t -> {}))
          .isInstanceOf(Restorer.Refused.class)
          .hasMessageContaining("empty database");
      assertThat(count(there, "member")).isEqualTo(before);
    }
  }

  @Test
  void oneOrganisationsBackupHoldsItsRowsAndNobodyElses() throws Exception {
    var mine = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(mine, Role.LEADER);
    register(leader.actor(), "Backup Own Radha");
    register(fixtures.user(other, Role.LEADER).actor(), "Backup Other Meena");
    Path file = temp.resolve("one.sahay-backup");
    Aead backupKeys = backupKeyset("backup-keyset.json");

    var backup = backups(dataSource, backupKeys).backup(file, mine.id().value(), t -> {});
    assertThat(backup.organisation()).isEqualTo(mine.id().value());

    try (RestoreTarget target = RestoreTarget.privateH2()) {
      backups(target.dataSource(), backupKeys).restore(file, t -> {});
      JdbcClient there = JdbcClient.create(target.dataSource());
      assertThat(there.sql("select id from organisation").query(UUID.class).list())
          .containsExactly(mine.id().value());
      assertThat(count(there, "member")).isEqualTo(membersOf(jdbc, mine.id()));
      assertThat(count(there, "app_user")).isEqualTo(1);
      for (String table : tablesWithOrganisation(there)) {
        assertThat(
                there.sql("select distinct organisation_id from " + table).query(UUID.class).list())
            .as(table)
            .allMatch(id -> id == null || id.equals(mine.id().value()));
      }
      Vault vault = new Vault(there, master, Clock.systemUTC(), 0);
      assertThat(there.sql("select id from member").query(UUID.class).list())
          .allSatisfy(id -> assertThat(personal(vault, there, new MemberId(id))).isPresent());
    }
  }

  @Test
  void aChangedOrCutBackupOrOneSealedUnderAnotherKeysetRestoresNothing() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    register(fixtures.user(collective, Role.LEADER).actor(), "Backup Damaged Kavita");
    Path file = temp.resolve("whole.sahay-backup");
    Aead backupKeys = backupKeyset("backup-keyset.json");
    backups(dataSource, backupKeys).backup(file, collective.id().value(), t -> {});
    byte[] bytes = Files.readAllBytes(file);

    byte[] changed = bytes.clone();
    changed[changed.length / 2] ^= 1;
    Path changedFile = Files.write(temp.resolve("changed"), changed);
    Path cutFile =
        Files.write(temp.resolve("cut"), java.util.Arrays.copyOf(bytes, bytes.length - 40));

    try (RestoreTarget target = RestoreTarget.privateH2()) {
      Backups restore = backups(target.dataSource(), backupKeys);
      assertThatThrownBy(() -> restore.restore(changedFile, t -> {}))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> restore.restore(cutFile, t -> {})).isInstanceOf(IOException.class);
      assertThatThrownBy(
              () ->
                  backups(target.dataSource(), backupKeyset("another.json")).restore(file, t -> {}))
          .isInstanceOf(BackupFile.Unreadable.class);
      assertThatThrownBy(
              () ->
                  backups(target.dataSource(), backupKeys)
                      .restore(Files.write(temp.resolve("text"), "hello".getBytes()), t -> {}))
          .isInstanceOf(BackupFile.Unreadable.class)
          .hasMessageContaining("not a Sahay backup");
      JdbcClient there = JdbcClient.create(target.dataSource());
      assertThat(count(there, "organisation")).isZero();
      assertThat(count(there, "member")).isZero();
      // The file never changed, and still restores whole.
      backups(target.dataSource(), backupKeys).restore(file, t -> {});
      assertThat(count(there, "member")).isEqualTo(1);
    }
  }

  @Test
  void everyTableThatNamesItselfIsReadInAnOrderItsRowsCanBeInsertedIn() throws Exception {
    try (var connection = dataSource.getConnection()) {
      for (var table : BackupTables.read(connection)) {
        if (!table.selfKeys().isEmpty()) {
          assertThat(table.orderBy())
              .as(table.name())
              .isNotEqualTo(String.join(", ", table.primaryKey()));
        }
      }
    }
  }

  private Backups backups(DataSource target, Aead backupKeys) {
    return new Backups(target, backupKeys, new DataKeys(master), Clock.systemUTC());
  }

  private Aead backupKeyset(String name) {
    return MasterKeyset.loadOrCreate(temp.resolve(name), "backup keyset").aead();
  }

  private MemberId register(org.sahay.access.Actor by, String name) {
    return SyntheticMembers.register(members, by, name);
  }

  private static java.util.Optional<String> personal(Vault vault, JdbcClient db, MemberId id) {
    byte[] sealed =
        db.sql("select personal from member where id = :id")
            .param("id", id.value())
            .query((rs, n) -> rs.getBytes(1))
            .list()
            .get(0);
    return vault.decrypt(id.value(), "personal", sealed);
  }

  private static Map<String, String> digests(List<Written> tables) {
    return tables.stream()
        .collect(Collectors.toMap(w -> w.table(), w -> w.rows() + ":" + w.digest()));
  }

  private static long count(JdbcClient db, String table) {
    return db.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static long membersOf(JdbcClient db, OrganisationId organisation) {
    return db.sql("select count(*) from member where organisation_id = :o")
        .param("o", organisation.value())
        .query(Long.class)
        .single();
  }

  private static List<String> tablesWithOrganisation(JdbcClient db) {
    return db.sql(
            "select table_name from information_schema.columns where column_name = 'organisation_id'"
                + " and table_schema = 'public'")
        .query(String.class)
        .list();
  }
}
