package org.sahay.platform.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahay.PrivateDatabase;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.crypto.MasterKeySchedule;
import org.sahay.platform.internal.crypto.MasterKeyset;

/**
 * Erasure reaches old backups once the retention period has passed: master keys in epochs, each
 * retired when its epoch ended longer ago than backups are kept. Before that, an old backup still
 * opens (as it must, to be worth keeping); after it, the same file restores a member it held as
 * unreadable, and everyone still in the live database reads as before.
 */
class BackupRetentionTest {

  private static final Duration EPOCH = Duration.ofDays(30);
  private static final Duration RETENTION = Duration.ofDays(30);

  @TempDir Path temp;

  @Test
  void aBackupOlderThanTheRetentionPeriodRestoresAnErasedMemberAsUnreadable() throws Exception {
    Path keysetFile = temp.resolve("master-keyset.json");
    Files.copy(
        Path.of("src/test/resources/test-master-keyset.json"),
        keysetFile,
        StandardCopyOption.REPLACE_EXISTING);
    MasterKeyset keyset = MasterKeyset.loadOrCreate(keysetFile);
    var backupKeys = MasterKeyset.loadOrCreate(temp.resolve("backup-keyset.json"), "backup").aead();
    Instant start = keyset.primarySince();
    long dayOneKey = keyset.primaryKeyId();
    try (PrivateDatabase live = PrivateDatabase.migrated()) {
      Vault vault = new Vault(live.jdbc(), keyset, Clock.systemUTC(), 0);
      OrganisationId organisation = new OrganisationId(Ids.newId());
      UUID erased = Ids.newId();
      UUID stays = Ids.newId();
      byte[] erasedNotes = live.tx().execute(s -> seal(vault, erased, organisation));
      byte[] staysNotes = live.tx().execute(s -> seal(vault, stays, organisation));
      Path old = temp.resolve("day-one.sahay-backup");
      new Backups(live.dataSource(), backupKeys, new DataKeys(keyset), Clock.systemUTC())
          .backup(old, null, t -> {});

      live.tx().executeWithoutResult(s -> vault.destroyKey(erased));
      var schedule =
          new MasterKeySchedule(
              vault, keyset, live.jdbc(), live.transactions(), Clock.systemUTC(), EPOCH, RETENTION);

      // Day 31: a new epoch; the first key stays, since backups of its epoch are still kept.
      var first = schedule.turn(start.plus(Duration.ofDays(31)));
      assertThat(first.rotated()).isTrue();
      assertThat(first.retired()).doesNotContain(dayOneKey);
      assertThat(restoredNotes(old, backupKeys, keyset, erased, erasedNotes)).isPresent();

      // Day 62: another epoch, and the first key's epoch ended more than 30 days ago: retired.
      var second = schedule.turn(start.plus(Duration.ofDays(62)));
      assertThat(second.rotated()).isTrue();
      assertThat(second.retired()).containsExactly(dayOneKey);
      assertThat(keyset.retiredKeys()).contains(dayOneKey);

      assertThat(restoredNotes(old, backupKeys, keyset, erased, erasedNotes)).isEmpty();
      // Live data was rewrapped at each turn and reads as before.
      assertThat(vault.decrypt(stays, "notes", staysNotes)).contains("synthetic notes");
      // And a keyset read from its file again knows what was retired.
      assertThat(MasterKeyset.loadOrCreate(keysetFile).retiredKeys()).contains(dayOneKey);
    }
  }

  private static byte[] seal(Vault vault, UUID subject, OrganisationId organisation) {
    vault.createKey(subject, organisation);
    return vault.encrypt(subject, "notes", "synthetic notes");
  }

  private java.util.Optional<String> restoredNotes(
      Path backup,
      com.google.crypto.tink.Aead backupKeys,
      MasterKeyset keyset,
      UUID subject,
      byte[] notes)
      throws Exception {
    try (RestoreTarget target = RestoreTarget.privateH2()) {
      var summary =
          new Backups(target.dataSource(), backupKeys, new DataKeys(keyset), Clock.systemUTC())
              .restore(backup, t -> {});
      assertThat(summary.keys().opened() + summary.keys().retired()).isEqualTo(2);
      Vault restored =
          new Vault(
              org.springframework.jdbc.core.simple.JdbcClient.create(target.dataSource()),
              keyset,
              Clock.systemUTC(),
              0);
      return restored.decrypt(subject, "notes", notes);
    }
  }
}
