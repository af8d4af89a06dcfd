package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahay.IntegrationTest;
import org.sahay.PrivateDatabase;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class VaultIntegrationTest extends IntegrationTest {

  private static final String SECRET = "synthetic: on ART since 2019";

  @Autowired private Vault vault;
  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate tx;

  @TempDir Path temp;

  @Test
  void encryptsUnderTheSubjectsKeyAndTheDatabaseNeverHoldsThePlaintextOrTheKey() {
    UUID member = Ids.newId();
    vault.createKey(member, organisation());
    byte[] ciphertext = vault.encrypt(member, "health", SECRET);

    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("ART");
    assertThat(vault.decrypt(member, "health", ciphertext)).contains(SECRET);
    for (Map<String, Object> row :
        jdbc.sql("select * from data_key where subject_id = :s")
            .param("s", member)
            .query()
            .listOfRows()) {
      byte[] wrapped = (byte[]) row.get("wrapped_key");
      assertThat(new String(wrapped, StandardCharsets.ISO_8859_1)).doesNotContain("AesGcmKey");
    }
  }

  @Test
  void aCiphertextCannotBeMovedToAnotherFieldOrMember() {
    UUID one = Ids.newId();
    UUID two = Ids.newId();
    vault.createKey(one, organisation());
    vault.createKey(two, organisation());
    byte[] ciphertext = vault.encrypt(one, "health", SECRET);
    assertThatThrownBy(() -> vault.decrypt(one, "notes", ciphertext))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> vault.decrypt(two, "health", ciphertext))
        .isInstanceOf(IllegalStateException.class);
    ciphertext[ciphertext.length - 1] ^= 1;
    assertThatThrownBy(() -> vault.decrypt(one, "health", ciphertext))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void destroyingTheKeyErasesEverythingEncryptedUnderIt() {
    UUID member = Ids.newId();
    vault.createKey(member, organisation());
    byte[] ciphertext = vault.encrypt(member, "health", SECRET);
    assertThat(vault.destroyKey(member)).isTrue();
    assertThat(vault.decrypt(member, "health", ciphertext)).isEmpty();
    assertThat(vault.hasKey(member)).isFalse();
  }

  @Test
  void aKeyAnotherNodeStillHoldsUnwrappedCannotOpenAnythingOnceTheKeyIsDestroyed()
      throws Exception {
    try (PrivateDatabase db = PrivateDatabase.migrated()) {
      MasterKeyset keyset = MasterKeyset.loadOrCreate(copyOfTestKeyset("nodes.json"));
      Vault one = new Vault(db.jdbc(), keyset, Clock.systemUTC());
      Vault two = new Vault(db.jdbc(), keyset, Clock.systemUTC());
      UUID member = Ids.newId();
      byte[] ciphertext = db.tx().execute(s -> sealed(one, member));
      // Node one opens her record (and keeps her key unwrapped), node two erases her.
      assertThat(one.decrypt(member, "notes", ciphertext)).contains(SECRET);
      assertThat(one.keys(List.of(member)).decrypt(member, "notes", ciphertext)).contains(SECRET);
      Boolean destroyed = db.tx().execute(s -> two.destroyKey(member));
      assertThat(destroyed).isTrue();

      assertThat(one.decrypt(member, "notes", ciphertext)).isEmpty();
      assertThat(one.keys(List.of(member)).decrypt(member, "notes", ciphertext)).isEmpty();
    }
  }

  @Test
  void aNewMasterKeysetIsReadableByItsOwnerOnly() throws Exception {
    Path file = temp.resolve("keys/master-keyset.json");
    MasterKeyset.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void startingWithAnotherMasterKeysetIsRefused() {
    MasterKeyset stranger = MasterKeyset.loadOrCreate(temp.resolve("other.json"));
    assertThatThrownBy(() -> new Vault(jdbc, stranger, Clock.systemUTC()))
        .isInstanceOf(Vault.WrongMasterKeyset.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void rotatingTheMasterKeyKeepsEveryFieldReadable() throws Exception {
    UUID member = Ids.newId();
    byte[] ciphertext = secretOf(member);
    Path copy = copyOfTestKeyset("rotated.json");
    // Rolled back, so that the application's own keyset still opens the shared test database.
    tx.executeWithoutResult(
        status -> {
          MasterKeyset keyset = MasterKeyset.loadOrCreate(copy);
          Vault rotating = new Vault(jdbc, keyset, Clock.systemUTC());
          assertThat(rotating.rotateMasterKey()).isPositive();
          assertThat(keyset.size()).isEqualTo(2);
          Vault reopened = new Vault(jdbc, MasterKeyset.loadOrCreate(copy), Clock.systemUTC());
          assertThat(reopened.decrypt(member, "notes", ciphertext)).contains(SECRET);
          status.setRollbackOnly();
        });
    assertThat(vault.decrypt(member, "notes", ciphertext)).contains(SECRET);
  }

  @Test
  void retiringOldMasterKeysLeavesOlderBackupsUnreadable() throws Exception {
    try (PrivateDatabase db = PrivateDatabase.migrated()) {
      Path copy = copyOfTestKeyset("retired.json");
      Vault live = new Vault(db.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC());
      UUID member = Ids.newId();
      byte[] ciphertext = db.tx().execute(s -> sealed(live, member));
      // A backup taken now: the whole database, wrapped data keys included.
      PrivateDatabase backup = db.backup(temp);

      MasterKeyset keyset = MasterKeyset.loadOrCreate(copy);
      db.tx()
          .executeWithoutResult(
              s -> new Vault(db.jdbc(), keyset, Clock.systemUTC()).rotateAndRetireMasterKeys());
      assertThat(keyset.size()).isEqualTo(1);
      MasterKeyset current = MasterKeyset.loadOrCreate(copy);
      assertThat(current.size()).isEqualTo(1);
      assertThat(
              new Vault(db.jdbc(), current, Clock.systemUTC()).decrypt(member, "notes", ciphertext))
          .contains(SECRET);
      // The backup's data keys are wrapped under a master key that no longer exists.
      assertThatThrownBy(() -> new Vault(backup.jdbc(), current, Clock.systemUTC()))
          .isInstanceOf(Vault.WrongMasterKeyset.class);
      backup.close();
    }
  }

  @Test
  void aCommitThatFailsAfterRotationLosesNoKeyAndRetiresNone() throws Exception {
    try (PrivateDatabase db = PrivateDatabase.migrated()) {
      Path copy = copyOfTestKeyset("failed.json");
      Vault live = new Vault(db.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC());
      UUID member = Ids.newId();
      byte[] ciphertext = db.tx().execute(s -> sealed(live, member));

      MasterKeyset keyset = MasterKeyset.loadOrCreate(copy);
      assertThatThrownBy(
              () ->
                  db.tx()
                      .executeWithoutResult(
                          s -> {
                            new Vault(db.jdbc(), keyset, Clock.systemUTC())
                                .rotateAndRetireMasterKeys();
                            // The commit fails after the work: disk full, connection lost.
                            TransactionSynchronizationManager.registerSynchronization(
                                new TransactionSynchronization() {
                                  @Override
                                  public void beforeCommit(boolean readOnly) {
                                    throw new IllegalStateException("commit failed");
                                  }
                                });
                          }))
          .hasMessageContaining("commit failed");

      // The database still holds the keys wrapped under the old master key, and the keyset file
      // still has it: Sahay starts and every field opens.
      MasterKeyset reloaded = MasterKeyset.loadOrCreate(copy);
      assertThat(reloaded.size()).isEqualTo(2);
      assertThat(
              new Vault(db.jdbc(), reloaded, Clock.systemUTC())
                  .decrypt(member, "notes", ciphertext))
          .contains(SECRET);
    }
  }

  /** Under an erasure, a backup taken before it: what holds, and what only retirement adds. */
  @Test
  void anErasedMembersDataStaysInABackupTakenBeforeUntilOldMasterKeysAreRetired() throws Exception {
    try (PrivateDatabase db = PrivateDatabase.migrated()) {
      Path copy = copyOfTestKeyset("erasure.json");
      Vault live = new Vault(db.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC());
      UUID member = Ids.newId();
      byte[] ciphertext = db.tx().execute(s -> sealed(live, member));
      PrivateDatabase backup = db.backup(temp);

      db.tx().executeWithoutResult(s -> live.destroyKey(member));
      assertThat(live.decrypt(member, "notes", ciphertext)).isEmpty();

      // The guarantee that holds: erasure reaches the live database at once. A backup taken
      // before it still holds her wrapped data key, which the current keyset opens...
      Vault fromBackup =
          new Vault(backup.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC());
      assertThat(fromBackup.decrypt(member, "notes", ciphertext)).contains(SECRET);

      // ...until the master key is rotated and the old one retired: then no key opens the backup.
      db.tx()
          .executeWithoutResult(
              s ->
                  new Vault(db.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC())
                      .rotateAndRetireMasterKeys());
      assertThatThrownBy(
              () -> new Vault(backup.jdbc(), MasterKeyset.loadOrCreate(copy), Clock.systemUTC()))
          .isInstanceOf(Vault.WrongMasterKeyset.class);
      backup.close();
    }
  }

  private static byte[] sealed(Vault vault, UUID member) {
    vault.createKey(member, new OrganisationId(Ids.newId()));
    return vault.encrypt(member, "notes", SECRET);
  }

  /** The application's test keyset, copied, so that a test may rotate the copy. */
  private Path copyOfTestKeyset(String name) throws java.io.IOException {
    Path copy = temp.resolve(name);
    Files.copy(
        Path.of("src/test/resources/test-master-keyset.json"),
        copy,
        StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  private byte[] secretOf(UUID member) {
    vault.createKey(member, organisation());
    return vault.encrypt(member, "notes", SECRET);
  }

  private OrganisationId organisation() {
    return fixtures.organisation(OrganisationKind.COLLECTIVE).id();
  }
}
