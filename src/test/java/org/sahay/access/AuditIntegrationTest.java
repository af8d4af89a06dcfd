package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain verifies while untouched and names what was altered or deleted. Each test repairs
 * what it broke, because every test in the suite shares the database.
 */
class AuditIntegrationTest extends IntegrationTest {

  @Autowired private AuditLog audit;
  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate tx;

  @Test
  void signInsFailuresAndUserChangesAreAudited() {
    var organisation = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(organisation, Role.ORG_ADMIN);
    Http http = http();
    http.signIn(admin.username(), "not-the-password");
    http.signIn(admin.username(), admin.password());
    var actions =
        audit.entriesOf(organisation.id(), 0, 50).stream().map(AuditEntry::action).toList();
    assertThat(actions).contains("ORGANISATION_CREATED", "USER_CREATED", "LOGIN_FAILED", "LOGIN");

    String page = http.get("/audit?lang=te").body();
    assertThat(page).contains("LOGIN_FAILED").contains("USER_CREATED");
    // Times in the organisation's zone and the page's language, not raw UTC instants.
    assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

    // The security events alone: sign-ins and changes to users, not the organisation's records.
    assertThat(http.get("/audit?lang=en").body())
        .contains("ORGANISATION_CREATED")
        .contains("href=\"/audit?events=security\"");
    String security = http.get("/audit?events=security").body();
    assertThat(security)
        .contains("LOGIN_FAILED", "LOGIN", "USER_CREATED")
        .doesNotContain("ORGANISATION_CREATED");
  }

  @Test
  void failedSignInsWithUnknownUsernamesNeverStoreWhatWasTyped() {
    String typed = "maybe-my-password-" + UUID.randomUUID();
    http().signIn(typed, "whatever-else-1234");
    long stored =
        jdbc.sql("select count(*) from audit_entry where actor like :t or summary like :t")
            .param("t", "%" + typed + "%")
            .query(Long.class)
            .single();
    assertThat(stored).isZero();
  }

  @Test
  void aLeaderCannotReadTheAuditLog() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    assertThat(http.get("/audit").statusCode()).isEqualTo(403);
    assertThat(http.get("/audit/verify").statusCode()).isEqualTo(403);
  }

  @Test
  void theChainVerifiesAndAnAlteredEntryIsFound() {
    OrganisationId organisation = freshChain();
    assertThat(audit.verify().intact()).isTrue();

    long seq = 2;
    String original = summary(organisation, seq);
    jdbc.sql(
            "update audit_entry set summary = 'nothing happened' where chain_key = :c and seq = :s")
        .param("c", organisation.toString())
        .param("s", seq)
        .update();
    try {
      var result = audit.verify();
      assertThat(result.findings())
          .contains(
              new AuditVerification.Finding(
                  organisation.toString(), seq, AuditVerification.Kind.ALTERED));
    } finally {
      jdbc.sql("update audit_entry set summary = :o where chain_key = :c and seq = :s")
          .param("o", original)
          .param("c", organisation.toString())
          .param("s", seq)
          .update();
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void aDeletedEntryInTheMiddleOrAtTheEndIsFound() {
    OrganisationId organisation = freshChain();
    String chain = organisation.toString();
    var middle =
        jdbc.sql("select * from audit_entry where chain_key = :c and seq = 2")
            .param("c", chain)
            .query()
            .singleRow();
    var last =
        jdbc.sql("select * from audit_entry where chain_key = :c order by seq desc limit 1")
            .param("c", chain)
            .query()
            .singleRow();
    jdbc.sql("delete from audit_entry where chain_key = :c and seq in (2, :last)")
        .param("c", chain)
        .param("last", last.get("seq"))
        .update();
    try {
      var kinds =
          audit.verify().findings().stream()
              .filter(f -> f.chain().equals(chain))
              .map(AuditVerification.Finding::kind)
              .toList();
      assertThat(kinds)
          .contains(AuditVerification.Kind.MISSING, AuditVerification.Kind.TAIL_MISSING);
    } finally {
      restore(middle);
      restore(last);
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void systemAdminsRunTheCheckFromThePage() {
    var admin = fixtures.systemAdmin();
    Http http = http();
    http.signIn(admin.username(), admin.password());
    var result = http.postForm("/audit/verify", java.util.Map.of(), "/audit/verify");
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).contains("id=\"audit-result\"").contains("intact");
  }

  @Test
  void concurrentWritesInOneOrganisationKeepOneUnbrokenChain() throws Exception {
    OrganisationId organisation = fixtures.organisation(OrganisationKind.COLLECTIVE).id();
    var pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      Callable<Object> write =
          () -> {
            tx.executeWithoutResult(
                s ->
                    audit.record(
                        new AuditLog.Event(
                            "tester", organisation, "TEST", "thing", null, "write " + n)));
            return null;
          };
      futures.add(pool.submit(write));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    long count =
        jdbc.sql("select count(*) from audit_entry where chain_key = :c")
            .param("c", organisation.toString())
            .query(Long.class)
            .single();
    assertThat(count).isEqualTo(41);
    assertThat(
            audit.verify().findings().stream()
                .filter(f -> f.chain().equals(organisation.toString())))
        .isEmpty();
  }

  @Test
  void anEntryIsSealedIntoItsChainJustAfterItsCommit() throws Exception {
    OrganisationId organisation = fixtures.organisation(OrganisationKind.COLLECTIVE).id();
    tx.executeWithoutResult(
        s -> audit.record(new AuditLog.Event("tester", organisation, "TEST", "thing", "x", "one")));
    var sealed =
        jdbc.sql(
            "select count(*) from audit_entry where chain_key = :c and seq is not null"
                + " and hash is not null");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    long count = 0;
    while (System.nanoTime() < deadline
        && (count = sealed.param("c", organisation.toString()).query(Long.class).single()) < 2) {
      Thread.sleep(50);
    }
    // The organisation's creation and this entry: numbered 1 and 2, by the sealer, unasked.
    assertThat(count).isEqualTo(2);
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void scheduledWorkHasMoreThanOneThreadSoALongScanDoesNotHoldUpSealingOrTheHeartbeat(
      @Autowired org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler) {
    assertThat(scheduler.getPoolSize()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aWriterDoesNotWaitForTheChainsHead() throws Exception {
    OrganisationId organisation = freshChain();
    var headLocked = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var sealer = Executors.newSingleThreadExecutor();
    // Someone holds the chain's head (as a sealer does while it seals a block).
    Future<?> holder =
        sealer.submit(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      jdbc.sql(
                              "select last_seq from audit_chain_head where chain_key = :c"
                                  + " for update")
                          .param("c", organisation.toString())
                          .query(Long.class)
                          .single();
                      headLocked.countDown();
                      try {
                        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    try {
      assertThat(headLocked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      var writer = Executors.newSingleThreadExecutor();
      Future<?> written =
          writer.submit(
              () ->
                  tx.executeWithoutResult(
                      s ->
                          audit.record(
                              new AuditLog.Event(
                                  "tester", organisation, "TEST", "thing", null, "meanwhile"))));
      written.get(5, java.util.concurrent.TimeUnit.SECONDS);
      writer.shutdown();
    } finally {
      release.countDown();
      holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
      sealer.shutdown();
    }
    assertThat(audit.verify().intact()).isTrue();
    assertThat(
            jdbc.sql("select count(*) from audit_entry where chain_key = :c and seq is null")
                .param("c", organisation.toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void entriesOfSeveralBlocksAreSealedInTheOrderTheyWereWrittenAndTheChainVerifies() {
    OrganisationId organisation = fixtures.organisation(OrganisationKind.COLLECTIVE).id();
    String chain = organisation.toString();
    int written = 2 * AuditChains.BLOCK + AuditChains.BLOCK / 2;
    List<AuditLog.Event> events = new ArrayList<>(written);
    for (int i = 0; i < written; i++) {
      events.add(new AuditLog.Event("tester", organisation, "TEST", "thing", "t" + i, "n" + i));
    }
    // One instant for all: the order within the chain is then the entries' ids.
    audit.recordAll(events);
    audit.sealPending();

    long entries = written + 1L; // and the organisation's creation
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where chain_key = :c and seq is null"
                        + " or chain_key = :c and (prev_hash is null or hash is null)")
                .param("c", chain)
                .query(Long.class)
                .single())
        .isZero();
    var bySeq =
        jdbc.sql("select id from audit_entry where chain_key = :c order by seq")
            .param("c", chain)
            .query(UUID.class)
            .list();
    var byWriting =
        jdbc.sql("select id from audit_entry where chain_key = :c order by occurred_at, id")
            .param("c", chain)
            .query(UUID.class)
            .list();
    assertThat(bySeq).hasSize((int) entries).isEqualTo(byWriting);
    var head =
        jdbc.sql("select last_seq, last_hash from audit_chain_head where chain_key = :c")
            .param("c", chain)
            .query()
            .singleRow();
    assertThat(((Number) head.get("last_seq")).longValue()).isEqualTo(entries);
    assertThat(head.get("last_hash"))
        .isEqualTo(
            jdbc.sql("select hash from audit_entry where chain_key = :c and seq = :s")
                .param("c", chain)
                .param("s", entries)
                .query(String.class)
                .single());
    // Each entry's hash is recomputed from its own row and its predecessor's: a hash written onto
    // the wrong row, or a link to the wrong predecessor, is a finding.
    assertThat(audit.verify().findings().stream().filter(f -> f.chain().equals(chain))).isEmpty();
  }

  @Test
  void sealsForEntriesSealedMeanwhileAreRefusedAndChangeNothing(@Autowired AuditChains chains) {
    OrganisationId organisation = freshChain();
    String chain = organisation.toString();
    var sealed = sealsOf(chain);
    // As if a second sealer had numbered the same entries again after the last one, together with
    // one entry still unsealed: that one is sealed by the statement, then rolled back with it.
    long last = sealed.get(sealed.size() - 1).seq();
    UUID unsealed = UUID.randomUUID();
    var again = new ArrayList<AuditChains.Seal>();
    again.add(new AuditChains.Seal(unsealed, last + 1, sealed.get(0).hash(), "f".repeat(64)));
    sealed.forEach(
        s -> again.add(new AuditChains.Seal(s.id(), s.seq() + last + 1, s.hash(), s.hash())));

    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      jdbc.sql(
                              """
                              insert into audit_entry (id, chain_key, organisation_id, actor,
                                action, entity_type, summary, occurred_at)
                              values (:id, :c, :o, 'tester', 'TEST', 'thing', 'unsealed',
                                current_timestamp)
                              """)
                          .param("id", unsealed)
                          .param("c", chain)
                          .param("o", organisation.value())
                          .update();
                      chains.write(chain, again);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sealed 1 of " + again.size());
    assertThat(
            jdbc.sql("select count(*) from audit_entry where id = :id")
                .param("id", unsealed)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(sealsOf(chain)).isEqualTo(sealed);
    assertThat(audit.verify().findings().stream().filter(f -> f.chain().equals(chain))).isEmpty();
  }

  private OrganisationId freshChain() {
    OrganisationId organisation = fixtures.organisation(OrganisationKind.COLLECTIVE).id();
    for (int i = 0; i < 3; i++) {
      audit.record(new AuditLog.Event("tester", organisation, "TEST", "thing", null, "n" + i));
    }
    audit.sealPending();
    return organisation;
  }

  private List<AuditChains.Seal> sealsOf(String chain) {
    return jdbc.sql(
            "select id, seq, prev_hash, hash from audit_entry where chain_key = :c order by seq")
        .param("c", chain)
        .query(
            (rs, n) ->
                new AuditChains.Seal(
                    rs.getObject("id", UUID.class),
                    rs.getLong("seq"),
                    rs.getString("prev_hash"),
                    rs.getString("hash")))
        .list();
  }

  private String summary(OrganisationId organisation, long seq) {
    return jdbc.sql("select summary from audit_entry where chain_key = :c and seq = :s")
        .param("c", organisation.toString())
        .param("s", seq)
        .query(String.class)
        .single();
  }

  private void restore(java.util.Map<String, Object> row) {
    jdbc.sql(
            """
            insert into audit_entry (id, chain_key, seq, organisation_id, actor, action,
              entity_type, entity_id, summary, occurred_at, prev_hash, hash)
            values (:id, :chain_key, :seq, :organisation_id, :actor, :action, :entity_type,
              :entity_id, :summary, :occurred_at, :prev_hash, :hash)
            """)
        .params(row)
        .update();
  }
}
