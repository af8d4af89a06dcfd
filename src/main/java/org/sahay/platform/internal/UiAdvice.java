package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahay.platform.Language;
import org.sahay.platform.Ui;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Hands every page the {@link Ui} it renders with. */
@ControllerAdvice
class UiAdvice {

  private final MessageSource messages;
  private final ResourceUrlProvider resourceUrls;

  private final boolean demo;

  UiAdvice(
      MessageSource messages,
      ResourceUrlProvider resourceUrls,
      @org.springframework.beans.factory.annotation.Value("${sahay.demo:false}") boolean demo) {
    this.messages = messages;
    this.resourceUrls = resourceUrls;
    this.demo = demo;
  }

  @ModelAttribute("ui")
  Ui ui(HttpServletRequest request) {
    return build(request);
  }

  Ui build(HttpServletRequest request) {
    return build(request, request.getRequestURI());
  }

  /**
   * With {@code path} as the page the language links lead to: an error page's lead home, so that a
   * path that failed (a name typed where an id belongs) is not echoed back into the page.
   */
  Ui build(HttpServletRequest request, String path) {
    Language language = Language.of(RequestContextUtils.getLocale(request));
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    Set<String> roles =
        signedIn
            ? auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toSet())
            : Set.of();
    return new Ui(
        messages,
        language,
        csrf == null ? "_csrf" : csrf.getParameterName(),
        csrf == null ? null : csrf.getToken(),
        signedIn ? auth.getName() : null,
        roles,
        path,
        asset -> {
          String versioned = resourceUrls.getForLookupPath(asset);
          return request.getContextPath() + (versioned == null ? asset : versioned);
        },
        demo);
  }
}
