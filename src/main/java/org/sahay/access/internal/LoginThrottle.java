package org.sahay.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins in the database (so every app node sees them) and locks for a while after
 * too many. The lock never shuts the owner out: it falls on the failing client address, for that
 * account ({@code max-failures-per-account} wrong passwords for one username from one address) or
 * for every account ({@code max-failures-per-address} from one address). An outsider who knows a
 * username can lock only themselves. Once an account is under attack from many addresses ({@link
 * #UNDER_ATTACK_FACTOR} times the per-account limit within the window, counted across addresses but
 * never locking the account), a single further failure locks the address that made it, so a
 * spread-out guesser gets one try per address per lock while the owner signs in as usual. An admin
 * can lift every lock on an account ({@link #unlock}).
 */
@Component
public class LoginThrottle {

  /** How many times the per-account limit, across addresses, marks an account under attack. */
  static final int UNDER_ATTACK_FACTOR = 4;

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
    // Sign-in runs in no transaction, so each count commits on its own; an administrator's unlock
    // joins the unlocking transaction rather than hold a second connection beside it.
    this.tx = new TransactionTemplate(transactions);
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
    this.lockout = lockout;
  }

  /** Until when this address may not sign in to this account, if it may not. */
  public Optional<Instant> lockedUntil(String username, String address) {
    return lockedUntil(username, address, true);
  }

  /**
   * The same, where {@code ownAddress} says whether the address is one client's own: a shared one
   * (a proxy's) is never locked for every account at once.
   */
  public Optional<Instant> lockedUntil(String username, String address, boolean ownAddress) {
    Instant now = clock.instant();
    Optional<Instant> pair = lockOf(pairKey(username, address));
    return (ownAddress ? latest(pair, lockOf(addressKey(address))) : pair)
        .filter(until -> until.isAfter(now));
  }

  public void recordFailure(String username, String address) {
    recordFailure(username, address, true);
  }

  /** Counts a failure; against the address alone only when it is one client's own. */
  public void recordFailure(String username, String address, boolean ownAddress) {
    int acrossAddresses = fail(accountKey(username), Integer.MAX_VALUE);
    boolean underAttack = acrossAddresses >= maxPerAccount * UNDER_ATTACK_FACTOR;
    fail(pairKey(username, address), underAttack ? 1 : maxPerAccount);
    if (ownAddress) {
      fail(addressKey(address), maxPerAddress);
    }
  }

  /** A successful sign-in clears the account's count from that address, not the address's own. */
  public void recordSuccess(String username, String address) {
    tx.executeWithoutResult(
        s ->
            jdbc.sql("delete from login_throttle where throttle_key = :k")
                .param("k", pairKey(username, address))
                .update());
  }

  /** Lifts every lock on an account, from every address, and forgets its failures. */
  public int unlock(String username) {
    String prefix = pairPrefix(username);
    Integer removed =
        tx.execute(
            s ->
                jdbc.sql(
                        "delete from login_throttle where throttle_key = :account"
                            + " or substring(throttle_key, 1, :len) = :prefix")
                    .param("account", accountKey(username))
                    .param("prefix", prefix)
                    .param("len", prefix.length())
                    .update());
    return removed == null ? 0 : removed;
  }

  /** Those of {@code usernames} whose account has a lock in force from some address; one query. */
  public java.util.Set<String> lockedAmong(java.util.Collection<String> usernames) {
    java.util.Set<String> lockedPrefixes =
        new java.util.HashSet<>(
            jdbc
                .sql(
                    "select throttle_key from login_throttle where throttle_key like 'pair:%'"
                        + " and locked_until > :now")
                .param("now", utc(clock.instant()))
                .query(String.class)
                .list()
                .stream()
                .map(key -> key.substring(0, key.indexOf('|') + 1))
                .toList());
    return usernames.stream()
        .filter(u -> lockedPrefixes.contains(pairPrefix(u)))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Whether an account has a lock in force from any address. */
  public boolean anyLockOn(String username) {
    return !lockedAmong(java.util.List.of(username)).isEmpty();
  }

  /** Counts one failure under the key and locks it at {@code max}; returns the count. */
  private int fail(String key, int max) {
    Instant now = clock.instant();
    Integer counted =
        tx.execute(
            s -> {
              var row = countOf(key);
              if (row.isEmpty()) {
                int inserted =
                    jdbc.sql(
                            "insert into login_throttle"
                                + " (throttle_key, failures, window_started_at, locked_until)"
                                + " values (:k, 1, :now, :until) on conflict do nothing")
                        .param("k", key)
                        .param("now", utc(now))
                        .param("until", max <= 1 ? utc(now.plus(lockout)) : null)
                        .update();
                if (inserted == 1) {
                  return 1;
                }
                // a concurrent failure made the row first: count this one on top of it
                row = countOf(key);
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
              return failures;
            });
    return counted == null ? 0 : counted;
  }

  /** The key's failures and when their window started, locked until the transaction ends. */
  private Optional<Object[]> countOf(String key) {
    return jdbc.sql(
            "select failures, window_started_at from login_throttle"
                + " where throttle_key = :k for update")
        .param("k", key)
        .query(
            (rs, n) ->
                new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()})
        .optional();
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
    return "account:" + name(username);
  }

  // Usernames are at most 64 characters; what an outsider types may be longer, and keys fit 200.
  // What is typed as a username is often a password: keys hold a digest of it, never the text.
  private static String name(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String place(String address) {
    String place = address == null ? "unknown" : address;
    return place.length() > 60 ? place.substring(0, 60) : place;
  }

  // "pair:" never collides with "account:", and neither a digest nor an address holds '|', so no
  // typed username can reach another pair's row.
  private static String pairKey(String username, String address) {
    return pairPrefix(username) + place(address);
  }

  private static String pairPrefix(String username) {
    return "pair:" + name(username) + "|";
  }

  private static String addressKey(String address) {
    return "address:" + place(address);
  }
}
