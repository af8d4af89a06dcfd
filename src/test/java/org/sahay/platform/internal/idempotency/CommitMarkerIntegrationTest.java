package org.sahay.platform.internal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of an idempotent request is marked committed in the same transaction as its write, by the
 * transaction manager the application really uses: the write and the mark commit together or not at
 * all.
 */
class CommitMarkerIntegrationTest extends IntegrationTest {

  private static final Duration STALE = Duration.ofMinutes(5);

  @Autowired private JdbcClient jdbc;
  @Autowired private IdempotencyStore store;
  @Autowired private PlatformTransactionManager transactions;
  @Autowired private javax.sql.DataSource dataSource;

  @Test
  void aWriteCommitsTogetherWithItsMarkAndTheKeyIsThenNeverTakenOver() {
    String principal = "marker-" + UUID.randomUUID();
    UUID attempt = store.claim(principal, "k", hash(), STALE).orElseThrow();
    UUID written = UUID.randomUUID();
    try (var running = CommitMarker.running(principal, "k", attempt)) {
      new TransactionTemplate(transactions).executeWithoutResult(s -> write(written));
    }
    assertThat(state(principal)).isEqualTo("COMMITTED");
    assertThat(exists(written)).isTrue();

    // The node died before storing the answer: a retry finds the write committed and abandoned,
    // and may not claim the key to run it again, even once the claim is stale.
    jdbc.sql(
            "update idempotency_record set owner_node = :dead, created_at = :then where principal = :p")
        .param("dead", UUID.randomUUID())
        .param("then", OffsetDateTime.now().minusHours(1))
        .param("p", principal)
        .update();
    assertThat(store.claim(principal, "k", hash(), STALE)).isEmpty();
    var stored = store.find(principal, "k", STALE).orElseThrow();
    assertThat(stored.state()).isEqualTo(IdempotencyStore.State.COMMITTED);
    assertThat(stored.abandoned()).isTrue();
  }

  @Test
  void aRolledBackWriteOrAReadOnlyTransactionLeavesTheKeyInProgress() {
    String principal = "marker-" + UUID.randomUUID();
    UUID attempt = store.claim(principal, "k", hash(), STALE).orElseThrow();
    UUID written = UUID.randomUUID();
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    try (var running = CommitMarker.running(principal, "k", attempt)) {
      new TransactionTemplate(transactions)
          .executeWithoutResult(
              s -> {
                write(written);
                s.setRollbackOnly();
              });
      readOnly.executeWithoutResult(s -> exists(written));
    }
    assertThat(state(principal)).isEqualTo("IN_PROGRESS");
    assertThat(exists(written)).isFalse();
    // Given back, nothing committed: a retry may run it.
    store.release(principal, "k", attempt);
    assertThat(store.find(principal, "k", STALE)).isEmpty();
  }

  /**
   * A lookup declared read-write writes nothing: on PostgreSQL (several nodes) the key stays in
   * progress, so a retry after a crash runs the write that never came; H2 cannot tell, and marks.
   */
  @Test
  void aReadWriteTransactionThatWroteNothingMarksOnlyWhereTheDatabaseCannotTell() throws Exception {
    String principal = "marker-" + UUID.randomUUID();
    UUID attempt = store.claim(principal, "k", hash(), STALE).orElseThrow();
    try (var running = CommitMarker.running(principal, "k", attempt)) {
      new TransactionTemplate(transactions).executeWithoutResult(s -> exists(UUID.randomUUID()));
    }
    String database =
        org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
            dataSource, java.sql.DatabaseMetaData::getDatabaseProductName);
    assertThat(state(principal))
        .isEqualTo(database.equals("PostgreSQL") ? "IN_PROGRESS" : "COMMITTED");
  }

  @Test
  void aTransactionOpenedInsideAnotherIsNotTheRequestsWrite() {
    String principal = "marker-" + UUID.randomUUID();
    UUID attempt = store.claim(principal, "k", hash(), STALE).orElseThrow();
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    TransactionTemplate beside = new TransactionTemplate(transactions);
    beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    UUID written = UUID.randomUUID();
    try (var running = CommitMarker.running(principal, "k", attempt)) {
      readOnly.executeWithoutResult(s -> beside.executeWithoutResult(t -> write(written)));
    }
    assertThat(exists(written)).isTrue();
    assertThat(state(principal)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aSlowAttemptWhoseKeyWasTakenOverRollsBackInsteadOfWritingTwice() {
    String principal = "marker-" + UUID.randomUUID();
    UUID slow = store.claim(principal, "k", hash(), STALE).orElseThrow();
    // Taken for dead (stale), the key was claimed again by a retry.
    jdbc.sql("update idempotency_record set created_at = :then where principal = :p")
        .param("then", OffsetDateTime.now().minusHours(1))
        .param("p", principal)
        .update();
    UUID retry = store.claim(principal, "k", hash(), STALE).orElseThrow();
    assertThat(retry).isNotEqualTo(slow);

    UUID written = UUID.randomUUID();
    try (var running = CommitMarker.running(principal, "k", slow)) {
      assertThatThrownBy(
              () -> new TransactionTemplate(transactions).executeWithoutResult(s -> write(written)))
          .isInstanceOf(CommitMarker.KeyTakenOver.class);
    }
    assertThat(exists(written)).isFalse();
    // The slow attempt cannot give away or answer for the retry's claim either.
    store.release(principal, "k", slow);
    store.complete(principal, "k", slow, 201, "application/json", "{}");
    assertThat(state(principal)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aFailureAfterTheWriteCommittedLetsGoOfTheKeyWithoutGivingItBack() {
    String principal = "marker-" + UUID.randomUUID();
    UUID attempt = store.claim(principal, "k", hash(), STALE).orElseThrow();
    try (var running = CommitMarker.running(principal, "k", attempt)) {
      new TransactionTemplate(transactions).executeWithoutResult(s -> write(UUID.randomUUID()));
    }
    store.release(principal, "k", attempt);
    var stored = store.find(principal, "k", STALE).orElseThrow();
    assertThat(stored.state()).isEqualTo(IdempotencyStore.State.COMMITTED);
    assertThat(stored.abandoned()).isTrue();
    assertThat(store.claim(principal, "k", hash(), STALE)).isEmpty();
  }

  /** A real write to a real table: a node's heartbeat row. */
  private void write(UUID id) {
    jdbc.sql("insert into app_node (id, started_at, seen_at) values (:id, :now, :now)")
        .param("id", id)
        .param("now", OffsetDateTime.now())
        .update();
  }

  private boolean exists(UUID id) {
    return jdbc.sql("select count(*) from app_node where id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()
        == 1;
  }

  private String state(String principal) {
    return jdbc.sql("select state from idempotency_record where principal = :p")
        .param("p", principal)
        .query(String.class)
        .single();
  }

  private static String hash() {
    return "a".repeat(64);
  }
}
