package org.sahay.access.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds a throttle with other limits than the application's, for tests. */
public final class LoginThrottleFactory {

  private LoginThrottleFactory() {}

  public static LoginThrottle create(
      JdbcClient jdbc,
      Clock clock,
      PlatformTransactionManager transactions,
      int perAccount,
      int perAddress,
      Duration window,
      Duration lockout) {
    return new LoginThrottle(jdbc, clock, transactions, perAccount, perAddress, window, lockout);
  }

  /** What the start log says about the client address, for tests. */
  public static final class ClientAddressDescriptions {
    private ClientAddressDescriptions() {}

    public static String describe(String strategy) {
      return ClientAddressAnnouncement.describe(strategy);
    }

    public static String perAddressLimit(boolean trustPrivateAddresses) {
      return ClientAddressAnnouncement.perAddressLimit(trustPrivateAddresses);
    }
  }
}
