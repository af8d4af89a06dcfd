package org.sahay.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/** 401 and 403 for API callers, as problem details in their language. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final Problems problems;
  private final String challenge;

  ProblemSecurityHandlers(Problems problems, String challenge) {
    this.problems = problems;
    this.challenge = challenge;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", challenge);
    problems.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "problem.unauthorized",
        RequestContextUtils.getLocale(request));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(
        response,
        HttpStatus.FORBIDDEN,
        "problem.forbidden",
        RequestContextUtils.getLocale(request));
  }
}
