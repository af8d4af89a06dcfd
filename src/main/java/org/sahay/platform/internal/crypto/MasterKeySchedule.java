package org.sahay.platform.internal.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.sahay.platform.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Master keys in epochs, on a schedule: a new primary key every {@code
 * sahay.crypto.master-key-epoch} (every data key rewrapped under it), and each older key destroyed
 * once its epoch ended more than {@code sahay.backup.retention} ago, so that a backup older than
 * the retention period no longer opens any sealed field, and an erasure reaches it too.
 *
 * <p>One node at a time (the check value's row is the lock); the others read the keyset file again
 * within half a minute, or at once when a data key does not open. Retiring comes after the commit
 * of every rewrap: a failed run leaves every key where it was, and the next turn finishes it.
 */
@Component
public class MasterKeySchedule {

  private static final Logger log = LoggerFactory.getLogger(MasterKeySchedule.class);

  /** What one turn did. */
  public record Turn(boolean rotated, int rewrapped, Set<Long> retired) {}

  private final Vault vault;
  private final MasterKeyset master;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration epoch;
  private final Duration retention;

  public MasterKeySchedule(
      Vault vault,
      MasterKeyset master,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${sahay.crypto.master-key-epoch:30d}") Duration epoch,
      @Value("${sahay.backup.retention:30d}") Duration retention) {
    this.vault = vault;
    this.master = master;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.epoch = epoch;
    this.retention = retention;
  }

  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  void reload() {
    master.reloadIfChanged();
  }

  @Scheduled(fixedDelayString = "${sahay.crypto.master-key-check-every:1h}", initialDelay = 60_000)
  void scheduled() {
    if (!epoch.isZero()) {
      turn(clock.instant());
    }
  }

  /** Rotates when the epoch is over and retires what the retention period lets go, as of now. */
  public Turn turn(Instant now) {
    Turn turn = tx.execute(s -> turnLocked(now, epoch, retention));
    if (turn.rotated() || !turn.retired().isEmpty()) {
      log.info(
          "Master keys: {}{} data keys rewrapped, {} old keys retired. Back up the keyset file.",
          turn.rotated() ? "a new epoch began; " : "",
          turn.rewrapped(),
          turn.retired().size());
    }
    return turn;
  }

  private Turn turnLocked(Instant now, Duration epoch, Duration retention) {
    jdbc.sql("select id from master_key_check where id = 1 for update").query(Integer.class).list();
    master.reloadIfChanged();
    boolean rotate = !now.isBefore(master.primarySince().plus(epoch));
    int rewrapped = rotate ? vault.rotateMasterKey(now) : 0;
    Set<Long> ending = master.endedBy(now.minus(retention));
    if (ending.isEmpty()) {
      return new Turn(rotate, rewrapped, Set.of());
    }
    rewrapped += vault.rewrapUnder(ending);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            master.retire(ending, now);
          }
        });
    return new Turn(rotate, rewrapped, ending);
  }
}
