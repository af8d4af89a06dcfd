package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.internal.LoginThrottle;
import org.sahay.access.internal.LoginThrottleFactory;
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
  void aSuccessClearsTheAccountButNotTheAddress() {
    var throttle = throttle();
    String account = "acct-" + System.nanoTime();
    throttle.recordFailure(account, "10.1.1.1");
    throttle.recordFailure(account, "10.1.1.1");
    throttle.recordSuccess(account);
    throttle.recordFailure(account, "10.1.1.2");
    assertThat(throttle.lockedUntil(account, "10.1.1.3")).isEmpty();
  }

  private LoginThrottle throttle() {
    // 5 per account, 3 per address, in a 15 minute window, locked for 15 minutes.
    return LoginThrottleFactory.create(
        jdbc,
        Clock.systemUTC(),
        transactions,
        5,
        3,
        Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }
}
