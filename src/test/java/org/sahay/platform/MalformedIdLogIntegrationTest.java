package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 11 item 19: a value typed where an id belongs never reaches the log or the answer. */
@ExtendWith(OutputCaptureExtension.class)
class MalformedIdLogIntegrationTest extends IntegrationTest {

  private static final String TYPED = "Synthia Testwoman 9000012345";

  @Test
  void aNameAndPhoneTypedIntoAnIdAreAnsweredNotFoundAndNeverLogged(CapturedOutput output) {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER);
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    String path =
        "/api/v1/members/" + URLEncoder.encode(TYPED, StandardCharsets.UTF_8).replace("+", "%20");

    var api = http.get(path, "Authorization", Http.bearer(token));
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("Synthia").doesNotContain("9000012345");

    Http pages = http();
    pages.signIn(leader.username(), leader.password());
    var page =
        pages.get(
            "/members/" + URLEncoder.encode(TYPED, StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(page.statusCode()).isEqualTo(404);
    // Nor echoed into the page: its language links lead home, not back to the path that failed.
    assertThat(page.body())
        .doesNotContain("Synthia")
        .doesNotContain("9000012345")
        .contains("/?lang=");

    var query =
        http.get(
            "/api/v1/members?page=" + URLEncoder.encode(TYPED, StandardCharsets.UTF_8),
            "Authorization",
            Http.bearer(token));
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(query.body()).doesNotContain("Synthia");

    assertThat(output.getAll()).doesNotContain("Synthia").doesNotContain("9000012345");
  }
}
