package org.sahay.platform.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.backup.BackupTables.Column;
import org.sahay.platform.internal.backup.BackupTables.Table;
import org.sahay.registry.ErasureReason;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A collective leaves: it gets everything it kept, opened, in one ZIP; then nothing of it is left
 * in any table but its counts, and no other organisation's rows change.
 */
class LeavingIntegrationTest extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired Vault vault;
  @Autowired Members members;
  @Autowired JdbcClient jdbc;

  @TempDir Path temp;

  @Test
  void aCollectiveThatLeavesTakesItsRecordsOpenedAndLeavesOnlyItsCounts() throws Exception {
    Organisation leaving = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Organisation staying = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(leaving, Role.LEADER);
    register(leader.actor(), "Leaving Kept Parvati");
    MemberId erased = register(leader.actor(), "Leaving Erased Savitri");
    members.erase(
        fixtures.user(leaving, Role.ORG_ADMIN).actor(), erased, ErasureReason.MEMBER_REQUEST);
    register(fixtures.user(staying, Role.LEADER).actor(), "Staying Durga");
    Map<String, String> stayingBefore = digestsOf(staying);
    Path zip = temp.resolve("leaving.zip");

    Leaving leave = new Leaving(dataSource, vault, Clock.systemUTC());
    assertThatThrownBy(() -> leave.leave(leaving.id().value(), "WRONG", zip))
        .isInstanceOf(Restorer.Refused.class)
        .hasMessageContaining("short code");
    assertThat(zip).doesNotExist();
    assertThat(membersOf(leaving)).isEqualTo(2);

    var left = leave.leave(leaving.id().value(), leaving.shortCode().value(), zip);
    assertThat(left.rows()).containsEntry("member", 2L).doesNotContainKey("data_key");

    Map<String, String> files = unzip(zip);
    assertThat(files).containsKeys("README.txt", "data/member.jsonl", "tables/member.csv");
    assertThat(files.get("data/member.jsonl")).contains("Leaving Kept Parvati");
    assertThat(files.get("tables/member.csv")).contains("Leaving Kept Parvati");
    assertThat(String.join("\n", files.values()))
        .doesNotContain("Leaving Erased Savitri")
        .doesNotContain("{argon2}")
        .doesNotContain("password_hash");
    assertThat(files).doesNotContainKeys("data/data_key.jsonl", "data/api_token.jsonl");
    assertThat(files.get("data/app_user.jsonl")).contains(leader.username());

    UUID id = leaving.id().value();
    for (Table table : tables()) {
      for (Column column : table.columns()) {
        if (column.kind() == Kind.UUID_TEXT && column.name().contains("organisation")) {
          assertThat(
                  jdbc.sql(
                          "select count(*) from "
                              + table.name()
                              + " where "
                              + column.name()
                              + " = :o")
                      .param("o", id)
                      .query(Long.class)
                      .single())
              .as(table.name() + "." + column.name())
              .isZero();
        }
      }
    }
    assertThat(
            jdbc.sql("select count(*) from organisation where id = :o")
                .param("o", id)
                .query(Long.class)
                .single())
        .isZero();
    String counts =
        jdbc.sql("select counts from departed_organisation where id = :o")
            .param("o", id)
            .query(String.class)
            .single();
    assertThat(counts).contains("\"member\":2").doesNotContain("Parvati");
    assertThat(digestsOf(staying)).isEqualTo(stayingBefore);
  }

  /**
   * The demo collective has households, needs, counselling, hand-overs, donations and support
   * requests: its leaving opens every sealed field those hold (a field bound to another subject or
   * name than {@link SealedColumns} says would stop the leaving with nothing deleted).
   */
  @Test
  void theDemoCollectiveLeavesWithEverySealedFieldItHoldsOpened() throws Exception {
    var application =
        new org.springframework.boot.SpringApplication(org.sahay.SahayApplication.class);
    application.setAdditionalProfiles("test");
    try (var demo =
        application.run(
            "--server.port=0",
            "--sahay.demo=true",
            "--spring.datasource.url=jdbc:h2:mem:leaving-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "--sahay.data-dir=target/leaving-data",
            "--spring.jmx.enabled=false")) {
      JdbcClient db = demo.getBean(JdbcClient.class);
      UUID guntur =
          db.sql("select id from organisation where short_code = 'DGNT'")
              .query(UUID.class)
              .single();
      Path zip = temp.resolve("demo.zip");
      var left =
          new Leaving(demo.getBean(DataSource.class), demo.getBean(Vault.class), Clock.systemUTC())
              .leave(guntur, "DGNT", zip);
      Map<String, String> files = unzip(zip);
      for (String table :
          List.of(
              "member",
              "household",
              "household_dependent",
              "need",
              "counselling_session",
              "donation")) {
        if (left.rows().containsKey(table)) {
          assertThat(files).containsKey("data/" + table + ".jsonl");
        }
      }
      List<String> sealedTables =
          SealedColumns.ALL.stream().map(SealedColumns.Sealed::table).distinct().toList();
      assertThat(left.rows().keySet().stream().filter(sealedTables::contains).toList())
          .as("sealed tables the demo fills")
          .hasSizeGreaterThanOrEqualTo(4);
      assertThat(
              db.sql("select count(*) from member where organisation_id = :o")
                  .param("o", guntur)
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  @Test
  void everyBinaryColumnIsOpenedForALeavingCollectiveOrSaidToHoldNothingPersonal()
      throws Exception {
    for (Table table : tables()) {
      for (Column column : table.columns()) {
        String key = table.name() + "." + column.name();
        if (column.kind() == Kind.BYTES && !key.equals("data_key.wrapped_key")) {
          assertThat(
                  SealedColumns.BY_KEY.containsKey(key) || SealedColumns.NOT_PERSONAL.contains(key))
              .as(key + " is in SealedColumns")
              .isTrue();
        }
      }
    }
  }

  private List<Table> tables() throws Exception {
    try (var connection = dataSource.getConnection()) {
      return BackupTables.read(connection);
    }
  }

  private Map<String, String> digestsOf(Organisation organisation) throws Exception {
    Map<String, String> digests = new HashMap<>();
    Path file = temp.resolve(UUID.randomUUID() + ".backup");
    new Backups(
            dataSource,
            org.sahay.platform.internal.crypto.MasterKeyset.loadOrCreate(
                    temp.resolve("b.json"), "b")
                .aead(),
            null,
            Clock.systemUTC())
        .backup(file, organisation.id().value(), w -> digests.put(w.table(), w.digest()));
    // Shared reference tables gain the departure row; the organisation's own rows must not change.
    digests.remove("departed_organisation");
    // Its audit entries are sealed (numbered, hashed) by a background turn a moment after they are
    // written, whatever happens elsewhere; how many there are is compared instead.
    digests.remove("audit_chain_head");
    digests.put(
        "audit_entry",
        String.valueOf(
            jdbc.sql("select count(*) from audit_entry where organisation_id = :o")
                .param("o", organisation.id().value())
                .query(Long.class)
                .single()));
    return digests;
  }

  private long membersOf(Organisation organisation) {
    return jdbc.sql("select count(*) from member where organisation_id = :o")
        .param("o", organisation.id().value())
        .query(Long.class)
        .single();
  }

  private MemberId register(org.sahay.access.Actor by, String name) {
    return SyntheticMembers.register(members, by, name);
  }

  private static Map<String, String> unzip(Path zip) throws Exception {
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        in.transferTo(content);
        files.put(entry.getName(), content.toString(StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
