package org.sahay.platform.internal.idempotency;

import java.util.UUID;
import org.sahay.platform.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the idempotency key of the request running on this thread {@code COMMITTED} inside every
 * outermost read-write transaction the request commits, so that the write and the mark commit
 * together: a retry after the node died between that commit and storing the answer finds the mark
 * and is never run again (see {@link IdempotencyFilter}).
 *
 * <p>The mark is made only by the attempt that holds the key. When another attempt has taken the
 * key over (this one was slow enough to look dead), the mark finds no row and the write is rolled
 * back rather than committed twice.
 *
 * <p>Spring Boot adds every {@link TransactionExecutionListener} bean to the transaction manager.
 * Transactions begun while another is open on the thread ({@code REQUIRES_NEW}: an audit chain's
 * head, for example) are not the request's write and are left alone.
 */
@Component
class CommitMarker implements TransactionExecutionListener {

  private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

  private static final String MARK =
      """
      update idempotency_record set state = 'COMMITTED'
      where principal = :principal and idem_key = :key and attempt = :attempt
        and state in ('IN_PROGRESS', 'COMMITTED')
      """;

  /**
   * On PostgreSQL, a transaction that wrote nothing (a lookup declared read-write) leaves the key
   * in progress: marking it would answer a retry "recorded" for a write that may never have come.
   * The SET is evaluated before this statement's own row is written, so it sees whether the
   * transaction had an id (had written) before it.
   */
  private static final String MARK_IF_WRITTEN =
      """
      update idempotency_record
      set state = case when txid_current_if_assigned() is null then state else 'COMMITTED' end
      where principal = :principal and idem_key = :key and attempt = :attempt
        and state in ('IN_PROGRESS', 'COMMITTED')
      """;

  private final JdbcClient jdbc;
  private final Database database;

  CommitMarker(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** The attempt of an idempotent request, open while its controller runs on this thread. */
  static final class Running implements AutoCloseable {
    private final String principal;
    private final String key;
    private final UUID attempt;
    private int open;

    private Running(String principal, String key, UUID attempt) {
      this.principal = principal;
      this.key = key;
      this.attempt = attempt;
    }

    @Override
    public void close() {
      RUNNING.remove();
    }
  }

  /** Opens the attempt for this thread until the returned handle is closed. */
  static Running running(String principal, String key, UUID attempt) {
    Running running = new Running(principal, key, attempt);
    RUNNING.set(running);
    return running;
  }

  @Override
  public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
    Running running = RUNNING.get();
    if (running == null || beginFailure != null || !transaction.isNewTransaction()) {
      return;
    }
    running.open++;
    if (running.open == 1 && !transaction.isReadOnly()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              mark(running);
            }
          });
    }
  }

  @Override
  public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
    ended(transaction);
  }

  @Override
  public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
    ended(transaction);
  }

  private static void ended(TransactionExecution transaction) {
    Running running = RUNNING.get();
    if (running != null && transaction.isNewTransaction() && running.open > 0) {
      running.open--;
    }
  }

  private void mark(Running running) {
    int marked =
        jdbc.sql(database.postgres() ? MARK_IF_WRITTEN : MARK)
            .param("principal", running.principal)
            .param("key", running.key)
            .param("attempt", running.attempt)
            .update();
    if (marked != 1) {
      throw new KeyTakenOver();
    }
  }

  /** Another attempt holds the key now: this one's write must not commit. */
  static final class KeyTakenOver extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyTakenOver() {
      super("the idempotency key was taken over by another attempt; this write is rolled back");
    }
  }
}
