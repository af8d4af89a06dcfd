package org.sahay.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sahay.FirstRunReset;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.FirstRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class SetupIntegrationTest extends IntegrationTest {

  private static final Pattern CODE = Pattern.compile("set-up code: ([A-Z0-9-]{14})");

  @Autowired private JdbcClient jdbc;
  @Autowired private FirstRun firstRun;

  @Test
  void whoeverHoldsTheLoggedCodeCreatesTheFirstAdminAndOrganisationOnce(CapturedOutput output) {
    FirstRunReset.removeAllUsers(jdbc);
    firstRun.close();
    firstRun.announce();
    Matcher matcher = CODE.matcher(output.getOut());
    assertThat(matcher.find()).as("the set-up code is logged").isTrue();
    String code = matcher.group(1);

    Http http = http();
    assertThat(http.get("/login").body()).contains("/setup");
    assertThat(http.get("/setup").statusCode()).isEqualTo(200);
    String username = Fixtures.uniqueName("first");
    String shortCode = Fixtures.shortCode();
    Map<String, String> form = new HashMap<>();
    form.put("username", username);
    form.put("password", Fixtures.PASSWORD);
    form.put("confirm", Fixtures.PASSWORD);
    form.put("language", "te");
    form.put("name", "East Godavari Collective");
    form.put("kind", "COLLECTIVE");
    form.put("state", "Andhra Pradesh");
    form.put("district", "East Godavari");
    form.put("shortCode", shortCode);
    form.put("defaultLanguage", "te");
    form.put("timeZone", "Asia/Kolkata");

    form.put("code", "AAAA-BBBB-CCCC");
    var wrong = http.postForm("/setup", form, "/setup");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("id=\"f-code-error\"");
    assertThat(http.signIn(username, Fixtures.PASSWORD).headers().firstValue("Location").orElse(""))
        .contains("error");

    form.put("code", code);
    var done = http.postForm("/setup", form, "/setup");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).contains("/login");

    assertThat(http.get("/setup").statusCode()).isEqualTo(404);
    assertThat(http.postForm("/setup", form, "/login").statusCode()).isEqualTo(404);
    var signedIn = http.signIn(username, Fixtures.PASSWORD);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    assertThat(http.get("/organisations").body()).contains("East Godavari Collective");
  }

  @Test
  void aRefusedSetUpSavesNothingAndKeepsWhatWasTyped(CapturedOutput output) {
    FirstRunReset.removeAllUsers(jdbc);
    firstRun.close();
    firstRun.announce();
    Matcher matcher = CODE.matcher(output.getOut());
    assertThat(matcher.find()).isTrue();
    Http http = http();
    Map<String, String> form = new HashMap<>();
    form.put("code", matcher.group(1));
    form.put("username", "ok.name");
    form.put("password", "1234567890");
    form.put("confirm", "1234567890");
    form.put("name", "Nadia Collective");
    form.put("kind", "COLLECTIVE");
    form.put("state", "West Bengal");
    form.put("district", "Nadia");
    form.put("shortCode", "x");
    var refused = http.postForm("/setup", form, "/setup");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"f-password-error\"")
        .contains("id=\"f-shortCode-error\"")
        .contains("value=\"Nadia Collective\"")
        .doesNotContain("value=\"1234567890\"");
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
    assertThat(
            jdbc.sql("select count(*) from organisation where name = 'Nadia Collective'")
                .query(Long.class)
                .single())
        .isZero();
    fixtures.systemAdmin();
  }
}
