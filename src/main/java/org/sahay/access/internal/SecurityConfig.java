package org.sahay.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.AuditLog;
import org.sahay.access.SecondFactors;
import org.sahay.platform.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Three filter chains: HTTP Basic only to create a token; bearer tokens for the JSON API and
 * actuator; sessions with CSRF protection for pages. Anonymous callers reach only sign-in, first
 * run set-up, health, quick exit and static files.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig implements WebMvcConfigurer {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final org.springframework.beans.factory.ObjectProvider<AccessPolicy> policies;
  private final org.springframework.beans.factory.ObjectProvider<org.sahay.access.Actions> actions;

  SecurityConfig(
      org.springframework.beans.factory.ObjectProvider<AccessPolicy> policies,
      org.springframework.beans.factory.ObjectProvider<org.sahay.access.Actions> actions) {
    this.policies = policies;
    this.actions = actions;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    // Argon2id; the {argon2} prefix lets a later change of parameters upgrade hashes on sign-in.
    var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserStore users, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
    var manager =
        new ProviderManager(
            List.of(new SahayAuthenticationProvider(users, encoder, throttle, audit)));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  /** Each sign-in's client address, and whether failures may be counted against it alone. */
  @Bean
  AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> clientDetails(
      @Value("${sahay.login.trust-private-addresses:false}") boolean trustPrivateAddresses) {
    return ClientDetails.source(trustPrivateAddresses);
  }

  /**
   * Public pages (a campaign's transparency page): no sign-in, no session, no cookie, no CSRF
   * token, since nothing there is changed or personal.
   */
  @Bean
  @Order(0)
  SecurityFilterChain publicPages(HttpSecurity http, Problems problems) throws Exception {
    var handlers = new ProblemSecurityHandlers(problems, "Bearer");
    http.securityMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/p/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .securityContext(c -> c.requireExplicitSave(true))
        .anonymous(a -> {});
    stateless(http, handlers);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain tokenCreation(
      HttpSecurity http,
      AuthenticationManager authentication,
      Problems problems,
      AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> clientDetails)
      throws Exception {
    var handlers = new ProblemSecurityHandlers(problems, "Basic realm=\"sahay\"");
    http.securityMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/tokens"))
        .authenticationManager(authentication)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(
            b -> b.authenticationEntryPoint(handlers).authenticationDetailsSource(clientDetails));
    stateless(http, handlers);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenStore tokens,
      UserStore users,
      Problems problems,
      AccessPolicy policy)
      throws Exception {
    var handlers = new ProblemSecurityHandlers(problems, "Bearer");
    http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .access(policyAllows(policy, AccessAction.OPERATIONS))
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, handlers), BasicAuthenticationFilter.class);
    stateless(http, handlers);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(
      HttpSecurity http,
      AuthenticationManager authentication,
      UserStore users,
      Clock clock,
      @Value("${sahay.session.absolute-timeout:12h}") Duration absoluteTimeout,
      AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> clientDetails,
      SecondFactors secondFactors,
      PasskeySignInParts passkeys)
      throws Exception {
    PathOnlyRequestCache returnTo = new PathOnlyRequestCache();
    SecondFactorStep secondFactor = new SecondFactorStep(secondFactors);
    http.authenticationManager(authentication)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/setup",
                        "/quick-exit",
                        "/n",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/robots.txt",
                        "/sw.js",
                        "/manifest.json")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .authenticationDetailsSource(clientDetails)
                    .failureHandler(loginFailure())
                    .successHandler(secondFactor)
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessUrl("/login?logout")
                    .deleteCookies("SESSION")
                    .invalidateHttpSession(true))
        // Before sign-in nothing goes into a session: where to return to is a path in a cookie,
        // and the CSRF token of the sign-in form is a cookie too. Anonymous visitors, however
        // many, leave no session rows behind.
        .requestCache(c -> c.requestCache(returnTo))
        .csrf(c -> c.csrfTokenRepository(csrfCookie()))
        .addFilterAfter(
            new SessionGuardFilter(users, clock, absoluteTimeout),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(secondFactor, SessionGuardFilter.class)
        .with(passkeys.signIn(), p -> {});
    headers(http);
    return http.build();
  }

  private static CookieCsrfTokenRepository csrfCookie() {
    var repository = new CookieCsrfTokenRepository();
    repository.setCookieName("SAHAY_CSRF");
    repository.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
    return repository;
  }

  /**
   * No session, no saved requests, problem details for 401 and 403. No CSRF protection is needed:
   * browsers never attach bearer tokens or Basic credentials to a forged request on their own.
   */
  private static void stateless(HttpSecurity http, ProblemSecurityHandlers handlers)
      throws Exception {
    http.exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable());
  }

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(
                    s -> s.includeSubDomains(true).maxAgeInSeconds(31536000))
                .permissionsPolicyHeader(
                    p -> p.policy("camera=(), microphone=(), geolocation=()")));
  }

  private static AuthenticationFailureHandler loginFailure() {
    return (request, response, exception) -> {
      String target = request.getContextPath() + "/login?error";
      if (exception instanceof SahayAuthenticationProvider.TemporarilyLockedException locked) {
        long minutes = Math.max(1, Duration.between(Instant.now(), locked.until()).toMinutes() + 1);
        target = request.getContextPath() + "/login?locked=" + minutes;
      }
      response.sendRedirect(target);
    };
  }

  private static AuthorizationManager<RequestAuthorizationContext> policyAllows(
      AccessPolicy policy, Action action) {
    return (authentication, context) -> {
      var auth = authentication.get();
      boolean granted =
          auth != null
              && auth.getPrincipal() instanceof SahayPrincipal principal
              && policy.permits(principal.actor(), action, null);
      return new AuthorizationDecision(granted);
    };
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorArgumentResolver());
  }

  @Override
  public void addInterceptors(
      org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
    registry.addInterceptor(new BodyAccessInterceptor(policies.getObject(), actions.getObject()));
  }
}
