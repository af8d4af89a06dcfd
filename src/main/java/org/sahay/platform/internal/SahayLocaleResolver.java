package org.sahay.platform.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.sahay.platform.Language;
import org.sahay.platform.UserLanguagePreference;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: the signed-in user's stored choice, else a cookie (before login), else the
 * browser's preference among the four languages, else English. API callers choose per request with
 * Accept-Language, which wins over the stored choice.
 */
class SahayLocaleResolver implements LocaleResolver {

  static final String COOKIE = "sahay_lang";
  private static final String RESOLVED = SahayLocaleResolver.class.getName() + ".language";

  private final UserLanguagePreference preferences;

  SahayLocaleResolver(UserLanguagePreference preferences) {
    this.preferences = preferences;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object cached = request.getAttribute(RESOLVED);
    if (cached instanceof Language language) {
      return language.locale();
    }
    Optional<Language> explicitForApi =
        request.getRequestURI().startsWith(request.getContextPath() + "/api/")
            ? fromBrowser(request)
            : Optional.empty();
    Language language =
        explicitForApi
            .or(() -> signedInUser().flatMap(preferences::languageOf))
            .or(() -> fromCookie(request))
            .or(() -> fromBrowser(request))
            .orElse(Language.EN);
    request.setAttribute(RESOLVED, language);
    return language.locale();
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Language language = Language.of(locale);
    request.setAttribute(RESOLVED, language);
    signedInUser().ifPresent(username -> preferences.store(username, language));
    if (response != null) {
      Cookie cookie = new Cookie(COOKIE, language.code());
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setMaxAge(60 * 60 * 24 * 365);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
  }

  private static Optional<String> signedInUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(auth.getName());
  }

  private static Optional<Language> fromCookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie cookie : request.getCookies()) {
      if (COOKIE.equals(cookie.getName())) {
        return Language.fromCode(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<Language> fromBrowser(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Optional.empty();
    }
    var locales = request.getLocales();
    while (locales.hasMoreElements()) {
      Optional<Language> match = Language.fromCode(locales.nextElement().getLanguage());
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }
}
