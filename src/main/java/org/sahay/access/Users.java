package org.sahay.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sahay.access.internal.ApiTokenStore;
import org.sahay.access.internal.LoginThrottle;
import org.sahay.access.internal.SessionControl;
import org.sahay.access.internal.UserRecord;
import org.sahay.access.internal.UserStore;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * User accounts: creation, deactivation, password changes and ending sessions, each checked by the
 * {@link AccessPolicy} and written to the {@link AuditLog}.
 */
@Service
public class Users {

  /** A user as listed to admins. */
  public record UserSummary(
      UserId id,
      String username,
      OrganisationId organisation,
      Set<Role> roles,
      Set<Action> grants,
      boolean active,
      Instant createdAt) {}

  /** The outcome of a change that a person's input may make impossible. */
  public sealed interface Outcome {
    /** Done; {@code id} is the user concerned. */
    record Done(UserId id) implements Outcome {}

    /** Refused; {@code field} is the form field to show {@code messageKey} beside. */
    record Refused(String field, String messageKey) implements Outcome {}
  }

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  private final UserStore store;
  private final PasswordPolicy passwords;
  private final PasswordEncoder encoder;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final OrganisationDirectory organisations;
  private final SessionControl sessions;
  private final ApiTokenStore tokens;
  private final LoginThrottle throttle;
  private final SecondFactors secondFactors;
  private final Passkeys passkeys;

  Users(
      UserStore store,
      PasswordPolicy passwords,
      PasswordEncoder encoder,
      AccessPolicy policy,
      AuditLog audit,
      OrganisationDirectory organisations,
      SessionControl sessions,
      ApiTokenStore tokens,
      LoginThrottle throttle,
      SecondFactors secondFactors,
      Passkeys passkeys) {
    this.secondFactors = secondFactors;
    this.passkeys = passkeys;
    this.store = store;
    this.passwords = passwords;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
    this.organisations = organisations;
    this.sessions = sessions;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  public boolean anyExist() {
    return store.anyExist();
  }

  /**
   * Creates a system admin; only used at first run (set-up page or bootstrap variables), so it is
   * refused once any user exists.
   */
  @Transactional
  public Outcome createFirstSystemAdmin(String username, String password, Language language) {
    if (store.anyExist()) {
      return new Outcome.Refused("username", "setup.closed");
    }
    return insert(null, username, password, EnumSet.of(Role.SYSTEM_ADMIN), language, "first run");
  }

  /**
   * Creates a user of an organisation: system admins for any, organisation admins for their own.
   */
  @Transactional
  public Outcome create(
      Actor by,
      OrganisationId organisation,
      String username,
      String password,
      Set<Role> roles,
      Language language) {
    policy.require(by, AccessAction.USER_MANAGE, organisation);
    Optional<String> kind = organisations.kindOf(organisation);
    if (kind.isEmpty()) {
      throw new NotFoundException();
    }
    if (roles == null || roles.isEmpty()) {
      return new Outcome.Refused("roles", "user.roles.required");
    }
    for (Role role : roles) {
      if (!fits(role, kind.get())) {
        return new Outcome.Refused("roles", "user.roles.notForKind");
      }
    }
    return insert(organisation, username, password, roles, language, by.username());
  }

  @Transactional(readOnly = true)
  public List<UserSummary> of(Actor by, OrganisationId organisation) {
    policy.require(by, AccessAction.USER_VIEW, organisation);
    return store.ofOrganisation(organisation).stream().map(Users::summary).toList();
  }

  @Transactional(readOnly = true)
  public UserSummary get(Actor by, UserId id) {
    UserRecord user = store.findById(id).orElseThrow(NotFoundException::new);
    if (user.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, AccessAction.USER_VIEW, user.organisation());
    return summary(user);
  }

  /** Deactivates a user, ends their sessions and revokes their tokens. */
  @Transactional
  public void deactivate(Actor by, UserId id) {
    UserRecord user = managed(by, id);
    if (user.id().equals(by.id())) {
      throw new org.springframework.security.access.AccessDeniedException("not yourself");
    }
    store.setActive(id, false);
    tokens.revokeAll(id);
    sessions.endSessions(user.username(), null);
    audit.record(
        new AuditLog.Event(
            by.username(), user.organisation(), "USER_DEACTIVATED", "user", id.toString(), ""));
  }

  @Transactional
  public void reactivate(Actor by, UserId id) {
    UserRecord user = managed(by, id);
    store.setActive(id, true);
    audit.record(
        new AuditLog.Event(
            by.username(), user.organisation(), "USER_REACTIVATED", "user", id.toString(), ""));
  }

  /** Ends all of a user's sessions, on every node. */
  @Transactional
  public int endSessions(Actor by, UserId id) {
    UserRecord user = managed(by, id);
    int ended = sessions.endSessions(user.username(), null);
    audit.record(
        new AuditLog.Event(
            by.username(),
            user.organisation(),
            "USER_SESSIONS_ENDED",
            "user",
            id.toString(),
            ended + " sessions"));
    return ended;
  }

  /**
   * Removes a user's second factor and passkeys (their phone was lost) and ends their sessions:
   * their next sign-in is with their password, and asks them to turn the second factor on again
   * with a new key, if their role requires it.
   */
  @Transactional
  public void resetSecondFactor(Actor by, UserId id) {
    UserRecord user = managed(by, id);
    secondFactors.reset(id.value());
    int removed = passkeys.removeAll(id);
    sessions.endSessions(user.username(), null);
    audit.record(
        new AuditLog.Event(
            by.username(),
            user.organisation(),
            "SECOND_FACTOR_RESET",
            "user",
            id.toString(),
            removed == 0 ? "" : removed + " passkeys removed"));
  }

  /**
   * Lifts every sign-in lock on a user's account, from every address (a lock only ever falls on the
   * addresses that failed, but someone sharing such an address may need in sooner).
   */
  @Transactional
  public int unlock(Actor by, UserId id) {
    UserRecord user = managed(by, id);
    int lifted = throttle.unlock(user.username());
    audit.record(
        new AuditLog.Event(
            by.username(), user.organisation(), "USER_UNLOCKED", "user", id.toString(), ""));
    return lifted;
  }

  /** The organisation's users whom some address is locked out of at the moment. */
  @Transactional(readOnly = true)
  public Set<UserId> lockedOut(Actor by, OrganisationId organisation) {
    policy.require(by, AccessAction.USER_MANAGE, organisation);
    List<UserRecord> all = store.ofOrganisation(organisation);
    Set<String> locked = throttle.lockedAmong(all.stream().map(UserRecord::username).toList());
    return all.stream()
        .filter(u -> locked.contains(u.username()))
        .map(UserRecord::id)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * Whether {@code username} is an active user of the actor's own organisation: for sharing
   * something with a colleague by name, without listing the organisation's users.
   */
  @Transactional(readOnly = true)
  public boolean isColleague(Actor by, String username) {
    return by.organisation() != null
        && username != null
        && store
            .findByUsername(username.strip())
            .filter(u -> by.organisation().equals(u.organisation()) && u.active())
            .isPresent();
  }

  /** Allows a user of the admin's organisation one grantable action beyond their roles. */
  @Transactional
  public void grant(Actor by, UserId id, Action action, boolean allowed) {
    UserRecord user = managed(by, id);
    if (!action.grantable()) {
      throw new org.springframework.security.access.AccessDeniedException("not grantable");
    }
    if (allowed) {
      store.grant(id, action, by.username());
    } else {
      store.revoke(id, action);
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            user.organisation(),
            allowed ? "USER_GRANTED" : "USER_GRANT_REVOKED",
            "user",
            id.toString(),
            action.name()));
  }

  /** Changes the actor's own password and ends their other sessions. */
  @Transactional
  public Outcome changePassword(
      Actor self, String current, String replacement, String currentSessionId) {
    UserRecord user = store.findById(self.id()).orElseThrow(NotFoundException::new);
    if (current == null || !encoder.matches(current, user.passwordHash())) {
      return new Outcome.Refused("current", "password.currentWrong");
    }
    Optional<String> weak = passwords.check(user.username(), replacement);
    if (weak.isPresent()) {
      return new Outcome.Refused("password", weak.get());
    }
    store.setPasswordHash(user.id(), encoder.encode(replacement));
    sessions.endSessions(user.username(), currentSessionId);
    // A token made with the old password may be on a lost phone: the new password ends it too.
    int revoked = tokens.revokeAll(user.id());
    audit.record(
        new AuditLog.Event(
            self.username(),
            user.organisation(),
            "PASSWORD_CHANGED",
            "user",
            user.id().toString(),
            "other sessions ended, " + revoked + " API tokens revoked"));
    return new Outcome.Done(user.id());
  }

  private UserRecord managed(Actor by, UserId id) {
    UserRecord user = store.findById(id).orElseThrow(NotFoundException::new);
    if (user.organisation() == null) {
      // System admins are managed from the server, not through another account.
      throw new NotFoundException();
    }
    policy.require(by, AccessAction.USER_MANAGE, user.organisation());
    return user;
  }

  private Outcome insert(
      OrganisationId organisation,
      String rawUsername,
      String password,
      Set<Role> roles,
      Language language,
      String actor) {
    String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      return new Outcome.Refused("username", "user.username.invalid");
    }
    Optional<String> weak = passwords.check(username, password);
    if (weak.isPresent()) {
      return new Outcome.Refused("password", weak.get());
    }
    if (store.findByUsername(username).isPresent()) {
      return new Outcome.Refused("username", "user.username.taken");
    }
    UserRecord user =
        new UserRecord(
            UserId.newId(),
            organisation,
            username,
            encoder.encode(password),
            language == null ? Language.EN : language,
            true,
            Instant.now(),
            roles);
    try {
      store.insert(user);
    } catch (DuplicateKeyException e) {
      // A concurrent sign-up took the name; PostgreSQL has aborted this transaction anyway.
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new Outcome.Refused("username", "user.username.taken");
    }
    audit.record(
        new AuditLog.Event(
            actor,
            organisation,
            "USER_CREATED",
            "user",
            user.id().toString(),
            "roles " + roles.stream().map(Role::name).sorted().toList()));
    return new Outcome.Done(user.id());
  }

  /** Which roles make sense in which kind of organisation. */
  public static boolean fits(Role role, String kind) {
    return switch (role) {
      case SYSTEM_ADMIN -> false;
      case ORG_ADMIN -> true;
      case LEADER, COUNSELLOR -> kind.equals("COLLECTIVE");
      case DISTRICT_LIAISON -> kind.equals("DISTRICT_OFFICE");
      case MENTOR_STAFF -> kind.equals("MENTOR") || kind.equals("NETWORK");
      case FUNDER_VIEWER -> kind.equals("FUNDER");
    };
  }

  private static UserSummary summary(UserRecord u) {
    return new UserSummary(
        u.id(), u.username(), u.organisation(), u.roles(), u.grants(), u.active(), u.createdAt());
  }
}
