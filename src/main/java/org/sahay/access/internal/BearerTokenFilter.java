package org.sahay.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against live tokens of active users. */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokenStore tokens;
  private final UserStore users;
  private final AuthenticationEntryPoint entryPoint;

  BearerTokenFilter(ApiTokenStore tokens, UserStore users, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.users = users;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var user =
        tokens
            .ownerOf(header.substring(7).trim())
            .flatMap(users::findById)
            .filter(UserRecord::active);
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
      return;
    }
    // Read from the database this request: later steps (the session guard, the language) use it
    // instead of reading the same user again.
    request.setAttribute(SessionGuardFilter.USER, user.get());
    SahayPrincipal principal = new SahayPrincipal(user.get());
    principal.eraseCredentials();
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
