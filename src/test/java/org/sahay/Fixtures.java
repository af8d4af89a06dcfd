package org.sahay;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.access.Users;
import org.sahay.access.internal.UserRecord;
import org.sahay.access.internal.UserStore;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Language;
import org.sahay.platform.UserId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Synthetic organisations and users for tests; every name is fresh, so tests never collide. */
@TestComponent
public class Fixtures {

  public static final String PASSWORD = "plum-sunrise-4821";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** A user of a test and the password to sign in with. */
  public record TestUser(String username, String password, Actor actor) {}

  private final UserStore store;
  private final PasswordEncoder encoder;
  private final Organisations organisations;
  private final Users users;

  Fixtures(UserStore store, PasswordEncoder encoder, Organisations organisations, Users users) {
    this.store = store;
    this.encoder = encoder;
    this.organisations = organisations;
    this.users = users;
  }

  /** A system admin, created as first-run set-up or the bootstrap settings would. */
  public TestUser systemAdmin() {
    String username = uniqueName("sysadmin");
    UserRecord record =
        new UserRecord(
            UserId.newId(),
            null,
            username,
            encoder.encode(PASSWORD),
            Language.EN,
            true,
            Instant.now(),
            EnumSet.of(Role.SYSTEM_ADMIN));
    store.insert(record);
    return new TestUser(username, PASSWORD, record.actor());
  }

  public Organisation organisation(OrganisationKind kind) {
    return organisation(kind, "Asia/Kolkata");
  }

  /** An organisation whose day is in another zone than India's (or the server's). */
  public Organisation organisation(OrganisationKind kind, String timeZone) {
    // Short codes are five random letters: among the thousands of organisations a full run makes,
    // two sometimes draw the same one (seen once in CI). Taken is not what a test is about, so
    // draw again.
    for (int attempt = 0; ; attempt++) {
      var outcome =
          organisations.create(
              systemAdmin().actor(),
              new NewOrganisation(
                  "Test " + kind.name().toLowerCase() + " " + shortCode(),
                  kind.name(),
                  "Andhra Pradesh",
                  "Guntur",
                  shortCode(),
                  "en",
                  timeZone));
      if (outcome instanceof Organisations.Creation.Created created) {
        return created.organisation();
      }
      if (attempt >= 5) {
        throw new AssertionError("no organisation made: " + outcome);
      }
    }
  }

  public TestUser user(Organisation organisation, Role... roles) {
    String username = uniqueName(roles[0].name().toLowerCase().replace('_', '-'));
    var outcome =
        users.create(
            systemAdmin().actor(),
            organisation.id(),
            username,
            PASSWORD,
            Set.of(roles),
            Language.EN);
    if (!(outcome instanceof Users.Outcome.Done done)) {
      throw new IllegalStateException("fixture user refused: " + outcome);
    }
    var actor = store.findById(done.id()).orElseThrow().actor();
    return new TestUser(username, PASSWORD, actor);
  }

  public static String shortCode() {
    StringBuilder code = new StringBuilder();
    // Letters only: a digit in a code could match a figure a page is checked not to show.
    for (int i = 0; i < 5; i++) {
      code.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return code.toString();
  }

  public static String uniqueName(String prefix) {
    return prefix + "." + Long.toString(Math.abs(RANDOM.nextLong()), 36);
  }
}
