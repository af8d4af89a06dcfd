package org.sahay.platform.internal;

import org.sahay.platform.UserLanguagePreference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver(UserLanguagePreference preferences) {
    return new SahayLocaleResolver(preferences);
  }

  /** Before everything, Spring Security included: no body is read past its cap. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      org.sahay.platform.Problems problems,
      @org.springframework.beans.factory.annotation.Value("${sahay.max-body:2MB}")
          org.springframework.util.unit.DataSize maxBody,
      @org.springframework.beans.factory.annotation.Value("${sahay.max-upload:25MB}")
          org.springframework.util.unit.DataSize maxUpload) {
    var registration =
        new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
            new BodyLimitFilter(problems, maxBody.toBytes(), maxUpload.toBytes()));
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 5);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Request mappings that pass over, cheaply, those whose literal start a path cannot match. */
  @Bean
  org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations prefixedRequestMappings() {
    return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
      @Override
      public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping
          getRequestMappingHandlerMapping() {
        return new PrefixedRequestMappings();
      }
    };
  }

  @Override
  public void addFormatters(org.springframework.format.FormatterRegistry registry) {
    PageFormats.register(registry);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageSwitch());
  }
}
