package org.sahay.access.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Remembers where a signed-out visitor was going, and nothing else: the path alone, in a
 * short-lived cookie. Spring's default cache saves the whole request (every header, {@code
 * Authorization} included, and the query string, which may hold a search term) into the session,
 * and so into the session table in plaintext; it also creates a session for every anonymous
 * visitor.
 */
final class PathOnlyRequestCache implements RequestCache {

  static final String COOKIE = "SAHAY_RETURN";

  /** Paths of pages: ids, codes and words, never a query string or another host. */
  private static final Pattern SAFE_PATH = Pattern.compile("/(?:[A-Za-z0-9_.-]+/?)*");

  private static final int MAX_LENGTH = 200;

  @Override
  public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod()) || !safe(path)) {
      return;
    }
    response.addHeader("Set-Cookie", cookie(request, path, 600).toString());
  }

  @Override
  public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
    String path = read(request);
    if (path == null) {
      return null;
    }
    if (response != null) {
      removeRequest(request, response);
    }
    return new SimpleSavedRequest(request.getContextPath() + path);
  }

  /** Never replays a request: the visitor is only sent back to the path. */
  @Override
  public HttpServletRequest getMatchingRequest(
      HttpServletRequest request, HttpServletResponse response) {
    return null;
  }

  @Override
  public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
    if (read(request) != null) {
      response.addHeader("Set-Cookie", cookie(request, "", 0).toString());
    }
  }

  private static String read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && safe(c.getValue())) {
        return c.getValue();
      }
    }
    return null;
  }

  static boolean safe(String path) {
    return path != null
        && path.length() <= MAX_LENGTH
        && SAFE_PATH.matcher(path).matches()
        && !path.contains("..");
  }

  private static ResponseCookie cookie(HttpServletRequest request, String value, long maxAge) {
    String contextPath = request.getContextPath();
    return ResponseCookie.from(COOKIE, value)
        .path(contextPath.isEmpty() ? "/" : contextPath)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax")
        .maxAge(maxAge)
        .build();
  }
}
