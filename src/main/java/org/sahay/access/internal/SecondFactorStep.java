package org.sahay.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.sahay.access.SecondFactors;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The step between a password and a session that can do anything: a sign-in whose user has a second
 * factor, or must have one, leaves the session marked pending, and until the code is given (or the
 * factor enrolled, when it is required) every page but the code's, enrolment's and signing out
 * redirects there and every form is refused. Pages only: API tokens ask for the code when they are
 * made ({@code X-Sahay-Second-Factor}).
 */
public final class SecondFactorStep extends OncePerRequestFilter
    implements AuthenticationSuccessHandler {

  /** Session attribute: the password was right, the second factor is still owed. */
  public static final String PENDING = "sahay.second-factor.pending";

  /** Session attribute: codes refused in this sign-in. */
  public static final String FAILURES = "sahay.second-factor.failures";

  private static final List<String> OPEN_WHILE_PENDING =
      List.of(
          "/login/code",
          "/account/second-factor",
          "/logout",
          "/quick-exit",
          "/n",
          "/error",
          "/css/",
          "/js/",
          "/img/",
          "/favicon.ico",
          "/manifest.json",
          "/sw.js");

  private final SecondFactors factors;
  private final SavedRequestAwareAuthenticationSuccessHandler resume;

  SecondFactorStep(SecondFactors factors) {
    this.factors = factors;
    this.resume = new SavedRequestAwareAuthenticationSuccessHandler();
    // The cache keeps the page first asked for in the session: any instance reads the same one.
    resume.setRequestCache(new PathOnlyRequestCache());
    resume.setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    if (authentication.getPrincipal() instanceof SahayPrincipal principal
        && factors.asked(principal.actor())) {
      request.getSession().setAttribute(PENDING, Boolean.TRUE);
      response.sendRedirect(request.getContextPath() + "/login/code");
      return;
    }
    resume.onAuthenticationSuccess(request, response, authentication);
  }

  /** Where a sign-in goes once its second factor is given: the page first asked for, or home. */
  public static String afterCode(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = new PathOnlyRequestCache().getRequest(request, response);
    return saved == null ? "/" : saved.getRedirectUrl();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(PENDING) == null || open(request)) {
      chain.doFilter(request, response);
      return;
    }
    if ("GET".equals(request.getMethod())) {
      response.sendRedirect(request.getContextPath() + "/login/code");
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private static boolean open(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN_WHILE_PENDING.stream()
        .anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
  }
}
