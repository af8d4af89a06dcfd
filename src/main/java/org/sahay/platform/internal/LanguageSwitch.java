package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sahay.platform.Language;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/** {@code ?lang=te} on any page switches the language; an unknown code changes nothing. */
class LanguageSwitch implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    String wanted = request.getParameter("lang");
    if (wanted != null) {
      Language.fromCode(wanted)
          .ifPresent(
              language -> {
                var resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                  resolver.setLocale(request, response, language.locale());
                }
              });
    }
    return true;
  }
}
