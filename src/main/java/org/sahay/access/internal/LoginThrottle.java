package org.sahay.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per account and per client address in the database (so every app node sees
 * them) and locks either for a while after too many.
 */
@Component
public class LoginThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;
  private final Duration lockout;

  LoginThrottle(
      JdbcClient jdbc,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${sahay.login.max-failures-per-account:5}") int maxPerAccount,
      @Value("${sahay.login.max-failures-per-address:20}") int maxPerAddress,
      @Value("${sahay.login.failure-window:15m}") Duration window,
      @Value("${sahay.login.lockout:15m}") Duration lockout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
    this.lockout = lockout;
  }

  /** Until when the account or the address is locked, if it is. */
  public Optional<Instant> lockedUntil(String username, String address) {
    Instant now = clock.instant();
    return latest(lockOf(accountKey(username)), lockOf(addressKey(address)))
        .filter(until -> until.isAfter(now));
  }

  public void recordFailure(String username, String address) {
    fail(accountKey(username), maxPerAccount);
    fail(addressKey(address), maxPerAddress);
  }

  /** A successful sign-in clears the account's count, not the address's. */
  public void recordSuccess(String username) {
    tx.executeWithoutResult(
        s ->
            jdbc.sql("delete from login_throttle where throttle_key = :k")
                .param("k", accountKey(username))
                .update());
  }

  private void fail(String key, int max) {
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          var row =
              jdbc.sql(
                      "select failures, window_started_at from login_throttle"
                          + " where throttle_key = :k for update")
                  .param("k", key)
                  .query(
                      (rs, n) ->
                          new Object[] {
                            rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()
                          })
                  .optional();
          if (row.isEmpty()) {
            try {
              jdbc.sql(
                      "insert into login_throttle (throttle_key, failures, window_started_at)"
                          + " values (:k, 1, :now)")
                  .param("k", key)
                  .param("now", utc(now))
                  .update();
            } catch (DuplicateKeyException e) {
              s.setRollbackOnly();
            }
            return;
          }
          int failures = (int) row.get()[0];
          Instant started = (Instant) row.get()[1];
          if (started.plus(window).isBefore(now)) {
            failures = 0;
            started = now;
          }
          failures++;
          Instant lockedUntil = failures >= max ? now.plus(lockout) : null;
          jdbc.sql(
                  "update login_throttle set failures = :f, window_started_at = :w,"
                      + " locked_until = :l where throttle_key = :k")
              .param("f", failures)
              .param("w", utc(started))
              .param("l", lockedUntil == null ? null : utc(lockedUntil))
              .param("k", key)
              .update();
        });
  }

  private Optional<Instant> lockOf(String key) {
    return jdbc.sql("select locked_until from login_throttle where throttle_key = :k")
        .param("k", key)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .optional()
        .flatMap(o -> o)
        .map(OffsetDateTime::toInstant);
  }

  private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String accountKey(String username) {
    return "account:" + (username == null ? "" : username.trim().toLowerCase());
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "unknown" : address);
  }
}
