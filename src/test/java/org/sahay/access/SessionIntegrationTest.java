package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SessionIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http phone = http();
    Http laptop = http();
    phone.signIn(leader.username(), leader.password());
    laptop.signIn(leader.username(), leader.password());
    assertThat(laptop.get("/").statusCode()).isEqualTo(200);

    String replacement = "river lantern 5519";
    var changed =
        phone.postForm(
            "/account/password",
            Map.of("current", leader.password(), "password", replacement, "confirm", replacement),
            "/account");
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(phone.get("/account").body()).contains("Password changed");
    assertThat(laptop.get("/").statusCode()).isEqualTo(302);
    assertThat(http().signIn(leader.username(), replacement).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  @Test
  void aUserSeesTheirSessionsAndEndsTheOneOnALostPhoneButCannotReachAnotherUsers() {
    var org = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(org, Role.LEADER);
    var other = fixtures.user(org, Role.LEADER);
    Http laptop = http();
    Http lostPhone = http();
    Http someoneElse = http();
    laptop.signIn(leader.username(), leader.password());
    lostPhone.signIn(leader.username(), leader.password());
    someoneElse.signIn(other.username(), other.password());

    String page = laptop.get("/account").body();
    assertThat(page).contains("Where you are signed in").contains("This device");
    var ends =
        java.util.regex.Pattern.compile("/account/sessions/([0-9a-f]{32})/end").matcher(page);
    assertThat(ends.find()).as("the other session can be ended").isTrue();
    String handle = ends.group(1);
    assertThat(ends.find()).as("only one other session").isFalse();
    // The page names sessions by a digest, never by the id that is the sign-in cookie.
    assertThat(jdbc.sql("select session_id from spring_session").query(String.class).list())
        .noneMatch(page::contains);

    // Another user posting that handle ends nothing.
    someoneElse.postForm("/account/sessions/" + handle + "/end", Map.of(), "/account");
    assertThat(lostPhone.get("/").statusCode()).isEqualTo(200);

    laptop.postForm("/account/sessions/" + handle + "/end", Map.of(), "/account");
    assertThat(lostPhone.get("/").statusCode()).as("the lost phone is signed out").isEqualTo(302);
    assertThat(laptop.get("/").statusCode()).as("this device stays signed in").isEqualTo(200);
    assertThat(laptop.get("/account").body()).doesNotContain("/end\"");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'SESSION_ENDED' and actor = :a")
                .param("a", leader.username())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Http tablet = http();
    tablet.signIn(leader.username(), leader.password());
    laptop.postForm("/account/sessions/end-others", Map.of(), "/account");
    assertThat(tablet.get("/").statusCode()).isEqualTo(302);
    assertThat(laptop.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void aWeakOrWronglyConfirmedPasswordIsRefusedBesideTheField() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    http.postForm(
        "/account/password",
        Map.of("current", leader.password(), "password", "1234567890", "confirm", "1234567890"),
        "/account");
    assertThat(http.get("/account").body()).contains("too common");
    http.get("/account?lang=hi");
    http.postForm(
        "/account/password",
        Map.of("current", leader.password(), "password", "short", "confirm", "short"),
        "/account");
    String page = http.get("/account").body();
    assertThat(page).contains("lang=\"hi\"").contains("10").contains("id=\"f-password-error\"");
  }

  @Test
  void anAdminCanEndAUsersSessionsAndDeactivationEndsThemToo() {
    var organisation = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = fixtures.user(organisation, Role.ORG_ADMIN);
    var leader = fixtures.user(organisation, Role.LEADER);
    Http adminBrowser = http();
    adminBrowser.signIn(admin.username(), admin.password());
    Http leaderBrowser = http();
    leaderBrowser.signIn(leader.username(), leader.password());
    assertThat(leaderBrowser.get("/").statusCode()).isEqualTo(200);

    String usersPage = "/organisations/" + organisation.id() + "/users";
    adminBrowser.postForm("/users/" + leader.actor().id() + "/end-sessions", Map.of(), usersPage);
    assertThat(leaderBrowser.get("/").statusCode()).isEqualTo(302);

    leaderBrowser.signIn(leader.username(), leader.password());
    assertThat(leaderBrowser.get("/").statusCode()).isEqualTo(200);
    adminBrowser.postForm("/users/" + leader.actor().id() + "/deactivate", Map.of(), usersPage);
    assertThat(leaderBrowser.get("/").statusCode()).isEqualTo(302);
    var again = http().signIn(leader.username(), leader.password());
    assertThat(again.headers().firstValue("Location").orElse("")).contains("error");
  }

  @Test
  void quickExitEndsTheSessionAtOnceAndLeavesForANeutralPage() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    String home = http.get("/").body();
    assertThat(home).contains("id=\"quick-exit\"");
    var exit = http.get("/quick-exit");
    assertThat(exit.statusCode()).isEqualTo(302);
    assertThat(exit.headers().firstValue("Location").orElse("")).endsWith("/n");
    assertThat(exit.headers().firstValue("Clear-Site-Data").orElse("")).contains("cookies");
    assertThat(http.get("/").statusCode()).isEqualTo(302);
    String neutral = http.get("/n").body();
    assertThat(neutral).doesNotContain("Sahay").doesNotContain("quick-exit");
  }

  @Test
  void sessionsOlderThanTheAbsoluteLimitEnd() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http http = http();
    http.signIn(leader.username(), leader.password());
    assertThat(http.get("/").statusCode()).isEqualTo(200);
    // Make the session look 13 hours old, as if signed in yesterday morning.
    long thirteenHoursAgo = Clock.systemUTC().millis() - Duration.ofHours(13).toMillis();
    int updated =
        jdbc.sql("update spring_session set creation_time = :t where principal_name = :u")
            .param("t", thirteenHoursAgo)
            .param("u", leader.username())
            .update();
    assertThat(updated).isEqualTo(1);
    var response = http.get("/");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElse("")).contains("/login?expired");
  }

  @Test
  void sessionsExpireAfterThirtyMinutesWithoutARequest() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    http().signIn(leader.username(), leader.password());
    int idleSeconds =
        jdbc.sql("select max_inactive_interval from spring_session where principal_name = :u")
            .param("u", leader.username())
            .query(Integer.class)
            .single();
    assertThat(idleSeconds).isEqualTo(30 * 60);
  }

  @Test
  void theLanguageChoiceIsStoredOnTheUser() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http phone = http();
    phone.signIn(leader.username(), leader.password());
    assertThat(phone.get("/?lang=bn").body()).contains("<html lang=\"bn\">");
    Http otherPhone = http();
    otherPhone.signIn(leader.username(), leader.password());
    assertThat(otherPhone.get("/").body()).contains("<html lang=\"bn\">");
    // An unknown code changes nothing.
    assertThat(otherPhone.get("/?lang=xx").body()).contains("<html lang=\"bn\">");
  }

  @Test
  void beforeSignInTheLanguageComesFromACookie() {
    Http http = http();
    assertThat(http.get("/login?lang=te").body()).contains("<html lang=\"te\">");
    assertThat(http.get("/login").body()).contains("<html lang=\"te\">");
  }
}
