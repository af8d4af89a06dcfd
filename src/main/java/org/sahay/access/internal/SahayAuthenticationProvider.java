package org.sahay.access.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.sahay.access.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (form and HTTP Basic alike) with a lockout per account and per
 * client address, and every success and failure in the audit log.
 */
class SahayAuthenticationProvider implements AuthenticationProvider {

  // What people type as an unknown username is often their password: never store it.
  private static final String UNKNOWN = "(unknown username)";

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final UserStore users;

  SahayAuthenticationProvider(
      UserStore users, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
    this.users = users;
    this.passwords =
        new DaoAuthenticationProvider(
            username ->
                users
                    .findByUsername(normalise(username))
                    .map(SahayPrincipal::new)
                    .orElseThrow(() -> new UsernameNotFoundException("unknown")));
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = normalise(authentication.getName());
    String address = address(authentication);
    // Failures count against the address alone only when it is one client's own.
    boolean own =
        !(authentication.getDetails() instanceof ClientDetails details) || details.ownAddress();
    Optional<Instant> locked = throttle.lockedUntil(username, address, own);
    if (locked.isPresent()) {
      var known = users.findByUsername(username);
      audit.record(
          new AuditLog.Event(
              known.isPresent() ? username : UNKNOWN,
              known.map(UserRecord::organisation).orElse(null),
              "LOGIN_LOCKED",
              "user",
              known.map(u -> u.id().toString()).orElse(null),
              "sign-in refused while locked"));
      throw new TemporarilyLockedException(locked.get());
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.recordSuccess(username, address);
      SahayPrincipal principal = (SahayPrincipal) result.getPrincipal();
      audit.record(
          new AuditLog.Event(
              username,
              principal.actor().organisation(),
              "LOGIN",
              "user",
              principal.userId().toString(),
              "signed in"));
      return result;
    } catch (BadCredentialsException | DisabledException e) {
      throttle.recordFailure(username, address, own);
      var known = users.findByUsername(username);
      audit.record(
          new AuditLog.Event(
              known.isPresent() ? username : UNKNOWN,
              known.map(UserRecord::organisation).orElse(null),
              "LOGIN_FAILED",
              "user",
              known.map(u -> u.id().toString()).orElse(null),
              e instanceof DisabledException ? "account deactivated" : "wrong credentials"));
      // One message for every failure, so that nobody learns which usernames exist.
      throw new BadCredentialsException("bad credentials");
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  static String normalise(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  private static String address(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    return null;
  }

  /** Locked for now; carries when it opens again for the sign-in page's message. */
  static final class TemporarilyLockedException extends LockedException {
    private final transient Instant until;

    TemporarilyLockedException(Instant until) {
      super("temporarily locked");
      this.until = until;
    }

    Instant until() {
      return until;
    }
  }
}
