package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.internal.LoginThrottle;
import org.sahay.access.internal.LoginThrottleFactory;
import org.sahay.access.internal.LoginThrottleFactory.ClientAddressDescriptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

class LoginThrottleIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private PlatformTransactionManager transactions;

  @Test
  void oneAddressTryingManyAccountsIsLockedOut() {
    var throttle = throttle();
    String address = "10.9." + (int) (Math.random() * 250) + ".7";
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.lockedUntil("someone" + i, address)).isEmpty();
      throttle.recordFailure("someone" + i, address);
    }
    assertThat(throttle.lockedUntil("yet-another-account", address)).isPresent();
    assertThat(throttle.lockedUntil("yet-another-account", "10.9.9.9")).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountsCountFromThatAddress() {
    var throttle = throttle(100);
    String account = "acct-" + System.nanoTime();
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(account, "10.1.1.1");
    }
    throttle.recordSuccess(account, "10.1.1.1");
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(account, "10.1.1.1");
    }
    assertThat(throttle.lockedUntil(account, "10.1.1.1")).isEmpty();
    throttle.recordFailure(account, "10.1.1.1");
    assertThat(throttle.lockedUntil(account, "10.1.1.1")).isPresent();
  }

  @Test
  void anOutsiderWhoKnowsAUsernameLocksOnlyTheirOwnAddressAndCannotRenewALockOnTheOwner() {
    var throttle = throttle(100);
    String account = "acct-" + System.nanoTime();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5; i++) {
        throttle.recordFailure(account, "203.0.113.9");
      }
      assertThat(throttle.lockedUntil(account, "203.0.113.9")).isPresent();
      assertThat(throttle.lockedUntil(account, "198.51.100.4"))
          .as("the owner, on another address, still signs in")
          .isEmpty();
    }
    assertThat(throttle.anyLockOn(account)).isTrue();
  }

  @Test
  void anAccountGuessedFromManyAddressesLocksEachFurtherAddressAtItsFirstFailure() {
    var throttle = throttle(100);
    String account = "acct-" + System.nanoTime();
    // 20 failures (4 x the per-account limit) spread so that no address reaches 5.
    for (int address = 0; address < 5; address++) {
      for (int i = 0; i < 4; i++) {
        throttle.recordFailure(account, "192.0.2." + address);
      }
      if (address < 4) {
        assertThat(throttle.lockedUntil(account, "192.0.2." + address)).isEmpty();
      }
    }
    throttle.recordFailure(account, "192.0.2.77");
    assertThat(throttle.lockedUntil(account, "192.0.2.77")).isPresent();
    assertThat(throttle.lockedUntil(account, "198.51.100.4")).isEmpty();
  }

  @Test
  void anUnlockLiftsEveryLockOnTheAccountAndNoTypedUsernameReachesAnotherAccountsLock() {
    var throttle = throttle(100);
    String account = "acct-" + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(account, "203.0.113.9");
    }
    // Typing a username that spells another row's key must not clear or renew that row.
    throttle.recordFailure(account + "|203.0.113.9", "203.0.113.10");
    throttle.recordFailure(account + "@203.0.113.9", "203.0.113.10");
    assertThat(throttle.lockedUntil(account, "203.0.113.9")).isPresent();

    assertThat(throttle.unlock(account)).isPositive();
    assertThat(throttle.lockedUntil(account, "203.0.113.9")).isEmpty();
    assertThat(throttle.anyLockOn(account)).isFalse();
  }

  @Test
  void anAddressThatIsNotOneClientsOwnIsNeverLockedForEveryAccount() {
    var throttle = throttle();
    String proxy = "10.9." + (int) (Math.random() * 250) + ".8";
    for (int i = 0; i < 30; i++) {
      throttle.recordFailure("someone" + i, proxy, false);
    }
    assertThat(throttle.lockedUntil("yet-another-account", proxy, false))
        .as("everyone behind the proxy still signs in")
        .isEmpty();
    assertThat(throttle.lockedUntil("yet-another-account", proxy, true))
        .as("no failure was counted against the address alone")
        .isEmpty();
    // The account tried too often from there is still locked from there.
    String account = "acct-" + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(account, proxy, false);
    }
    assertThat(throttle.lockedUntil(account, proxy, false)).isPresent();
  }

  @Test
  void theStartLogSaysWhichAddressTheLimitsUse() {
    assertThat(ClientAddressDescriptions.perAddressLimit(false))
        .contains("only addresses that are one client's own")
        .contains("trust-private-addresses=false");
    assertThat(ClientAddressDescriptions.perAddressLimit(true))
        .contains("one attacker can lock everyone out");
    assertThat(ClientAddressDescriptions.describe("native"))
        .contains("X-Forwarded-For")
        .contains("cannot choose its own");
    assertThat(ClientAddressDescriptions.describe("none"))
        .contains("every user shares the proxy's address");
  }

  private LoginThrottle throttle() {
    return throttle(3);
  }

  private LoginThrottle throttle(int perAddress) {
    // 5 per account and address, perAddress per address, in a 15 minute window, 15 minute locks.
    return LoginThrottleFactory.create(
        jdbc,
        Clock.systemUTC(),
        transactions,
        5,
        perAddress,
        Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }
}
