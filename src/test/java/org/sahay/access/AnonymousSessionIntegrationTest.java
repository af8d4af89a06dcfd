package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11 items 10 and 11: nothing a signed-out caller sends is kept in a session. */
class AnonymousSessionIntegrationTest extends IntegrationTest {

  private static final String TOKEN = "sahay_syntheticBearerValue_7Qx";
  private static final String TERM = "Synthiaquery";

  @Autowired private JdbcClient jdbc;

  @Test
  void aSignedOutRequestWithCredentialsLeavesNeitherThemNorItsQueryInTheSessionTable() {
    Http http = http();
    var first =
        http.get(
            "/members?q=" + TERM,
            "Authorization",
            Http.bearer(TOKEN),
            "X-Synthetic-Header",
            "x".repeat(6000));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("SESSION="))
        .noneMatch(c -> c.contains(TERM));
    for (byte[] bytes : attributeBytes()) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(TOKEN).doesNotContain(TERM).doesNotContain("xxxxxxxxxx");
    }

    // After signing in, the visitor is sent back to the path, without the query.
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    var signedIn = http.signIn(leader.username(), leader.password());
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/members");
  }

  @Test
  void twoHundredSignedOutVisitsCreateNoSession() {
    long before = sessions();
    for (int i = 0; i < 200; i++) {
      Http visitor = http();
      var page = i % 2 == 0 ? visitor.get("/members") : visitor.get("/login");
      assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    }
    // Other tests may sign in meanwhile; anonymous visits alone would have added 200.
    assertThat(sessions() - before).isLessThan(10);
  }

  @Test
  void aPathThatCouldLeaveTheSiteIsNeverReturnedTo() {
    Http http = http();
    http.get("//evil.example/x");
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    var signedIn = http.signIn(leader.username(), leader.password());
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("evil");
  }

  private long sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }

  private List<byte[]> attributeBytes() {
    return jdbc.sql("select attribute_bytes from spring_session_attributes")
        .query((rs, n) -> rs.getBytes(1))
        .list();
  }
}
