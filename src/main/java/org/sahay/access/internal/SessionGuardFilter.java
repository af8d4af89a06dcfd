package org.sahay.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that is older than the absolute limit (12 hours by default) or whose
 * user was deactivated meanwhile, and hands controllers the user as the database knows them now.
 */
class SessionGuardFilter extends OncePerRequestFilter {

  static final String ACTOR = SessionGuardFilter.class.getName() + ".actor";

  /** The signed-in user as read from the database during this request ({@link UserRecord}). */
  static final String USER = SessionGuardFilter.class.getName() + ".user";

  private final UserStore users;
  private final Clock clock;
  private final Duration absoluteTimeout;

  SessionGuardFilter(UserStore users, Clock clock, Duration absoluteTimeout) {
    this.users = users;
    this.clock = clock;
    this.absoluteTimeout = absoluteTimeout;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof SahayPrincipal principal)) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    boolean tooOld =
        session != null && clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis();
    var user =
        (request.getAttribute(USER) instanceof UserRecord read
                    && read.id().equals(principal.userId())
                ? java.util.Optional.of(read)
                : users.findById(principal.userId()))
            .filter(UserRecord::active);
    if (tooOld || user.isEmpty()) {
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      String target = request.getContextPath() + "/login?expired";
      if (request.getHeader("HX-Request") != null) {
        response.setHeader("HX-Redirect", target);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect(target);
      }
      return;
    }
    request.setAttribute(USER, user.get());
    request.setAttribute(ACTOR, user.get().actor());
    chain.doFilter(request, response);
  }
}
