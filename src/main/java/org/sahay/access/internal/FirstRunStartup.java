package org.sahay.access.internal;

import java.util.Locale;
import org.sahay.access.FirstRun;
import org.sahay.access.Users;
import org.sahay.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, with no user in the database: creates the system admin from {@code
 * SAHAY_BOOTSTRAP_ADMIN_USERNAME} and {@code SAHAY_BOOTSTRAP_ADMIN_PASSWORD} when both are set,
 * otherwise logs the one-time set-up code. Bootstrap settings that are refused (a weak password, a
 * malformed username) stop Sahay with the reason in words: running on with no user and no way in
 * would only hide the mistake.
 */
@Component
class FirstRunStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstRunStartup.class);

  private final Users users;
  private final FirstRun firstRun;
  private final MessageSource messages;
  private final String username;
  private final String password;

  FirstRunStartup(
      Users users,
      FirstRun firstRun,
      MessageSource messages,
      @Value("${sahay.bootstrap.admin-username:}") String username,
      @Value("${sahay.bootstrap.admin-password:}") String password) {
    this.users = users;
    this.firstRun = firstRun;
    this.messages = messages;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.anyExist()) {
      return;
    }
    if (!username.isBlank() && !password.isEmpty()) {
      var outcome = users.createFirstSystemAdmin(username, password, Language.EN);
      if (outcome instanceof Users.Outcome.Refused refused) {
        String reason =
            messages.getMessage(refused.messageKey(), null, refused.messageKey(), Locale.ENGLISH);
        String problem =
            "SAHAY_BOOTSTRAP_ADMIN_"
                + ("password".equals(refused.field()) ? "PASSWORD" : "USERNAME")
                + " refused: "
                + reason
                + " Sahay stops here: fix the setting, or unset both SAHAY_BOOTSTRAP_ADMIN_*"
                + " variables and use the one-time set-up code instead.";
        log.error(problem);
        throw new BootstrapRefusedException(problem);
      } else {
        log.info("Created the system admin from the bootstrap settings");
      }
    }
  }

  /** The set-up code, last of all at start, so that nothing logged after it buries it. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void announce() {
    firstRun.announce();
  }

  /** Stops the start: the bootstrap admin settings were refused. */
  static final class BootstrapRefusedException extends IllegalStateException {
    BootstrapRefusedException(String message) {
      super(message);
    }
  }
}
