package org.sahay.access.internal;

import org.sahay.access.FirstRun;
import org.sahay.access.Users;
import org.sahay.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, with no user in the database: creates the system admin from {@code
 * SAHAY_BOOTSTRAP_ADMIN_USERNAME} and {@code SAHAY_BOOTSTRAP_ADMIN_PASSWORD} when both are set,
 * otherwise logs the one-time set-up code.
 */
@Component
class FirstRunStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstRunStartup.class);

  private final Users users;
  private final FirstRun firstRun;
  private final String username;
  private final String password;

  FirstRunStartup(
      Users users,
      FirstRun firstRun,
      @Value("${sahay.bootstrap.admin-username:}") String username,
      @Value("${sahay.bootstrap.admin-password:}") String password) {
    this.users = users;
    this.firstRun = firstRun;
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
        log.error(
            "SAHAY_BOOTSTRAP_ADMIN_* refused ({}): choose a username of 3 to 64 letters,"
                + " digits, '.', '_' or '-', and a password of at least 10 characters that"
                + " is not a common one",
            refused.messageKey());
      } else {
        log.info("Created the system admin from the bootstrap settings");
      }
    }
    firstRun.announce();
  }
}
