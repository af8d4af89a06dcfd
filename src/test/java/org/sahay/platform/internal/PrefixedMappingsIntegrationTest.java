package org.sahay.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every mapping is known by its literal start, and paths with variables still reach theirs. */
class PrefixedMappingsIntegrationTest extends IntegrationTest {

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyMappingIsPrefixedAndPathsWithVariablesStillResolve() {
    assertThat(mappings).isInstanceOf(PrefixedRequestMappings.class);
    assertThat(((PrefixedRequestMappings) mappings).prefixed())
        .isEqualTo(mappings.getHandlerMethods().size())
        .isGreaterThan(300);
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    // A path with a variable: found (404 for no such member, not 405 or 500).
    var missing =
        http.get(
            "/api/v1/members/01930000-0000-7000-8000-000000000000",
            "Authorization",
            Http.bearer(token));
    assertThat(missing.statusCode()).isEqualTo(404);
    // A literal path, and one that starts like a mapping but is none.
    assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/members/x/y/z", "Authorization", Http.bearer(token)).statusCode())
        .isEqualTo(404);
  }
}
