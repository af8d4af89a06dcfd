package org.sahay.access.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkey sign-in on the pages' filter chain: {@code POST /webauthn/authenticate/options} hands out
 * a challenge (in a sealed cookie, see {@link PasskeyChallenges}) and {@code POST /login/webauthn}
 * checks the answer and signs in. Both are behind the same CSRF protection as the sign-in form, and
 * a sign-in gets a new session id and CSRF token as a password sign-in does. Its answer is JSON
 * (where to go next: the page first asked for, or home), read by {@code /js/passkeys.js}.
 */
final class PasskeySignIn extends AbstractHttpConfigurer<PasskeySignIn, HttpSecurity> {

  private final WebAuthnRelyingPartyOperations relyingParty;
  private final PasskeyChallenges challenges;
  private final PasskeyAuthenticationProvider provider;

  PasskeySignIn(
      WebAuthnRelyingPartyOperations relyingParty,
      PasskeyChallenges challenges,
      PasskeyAuthenticationProvider provider) {
    this.relyingParty = relyingParty;
    this.challenges = challenges;
    this.provider = provider;
  }

  @Override
  public void configure(HttpSecurity http) {
    var options = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
    options.setRequestOptionsRepository(challenges);

    var signIn = new WebAuthnAuthenticationFilter();
    signIn.setAuthenticationManager(new ProviderManager(provider));
    signIn.setRequestOptionsRepository(challenges);
    signIn.setSessionAuthenticationStrategy(
        http.getSharedObject(SessionAuthenticationStrategy.class));
    signIn.setSecurityContextRepository(http.getSharedObject(SecurityContextRepository.class));
    var answer = new HttpMessageConverterAuthenticationSuccessHandler();
    answer.setRequestCache(new PathOnlyRequestCache());
    signIn.setAuthenticationSuccessHandler(
        (request, response, authentication) -> {
          // Two factors at once: a code owed by an earlier password sign-in in this session is
          // owed no more.
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.removeAttribute(SecondFactorStep.PENDING);
            session.removeAttribute(SecondFactorStep.FAILURES);
          }
          answer.onAuthenticationSuccess(request, response, authentication);
        });

    http.addFilterBefore(postProcess(signIn), UsernamePasswordAuthenticationFilter.class);
    http.addFilterBefore(options, AuthorizationFilter.class);
  }
}
