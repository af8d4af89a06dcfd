package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.sahay.ChromiumTest;
import org.sahay.Fixtures.TestUser;
import org.sahay.access.internal.SecondFactorCodes;
import org.sahay.access.internal.UserStore;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkeys in a real browser, with Chromium's virtual authenticator standing in for a phone's (user
 * verification on, as a screen lock gives): a leader adds one on the account page and signs in with
 * it alone, even with a second factor turned on; a deactivated account and a removed passkey are
 * refused at sign-in, and every step is in the audit log.
 */
class PasskeyBrowserIntegrationTest extends ChromiumTest {

  @Autowired SecondFactors factors;
  @Autowired UserStore users;
  @Autowired JdbcClient jdbc;

  @Test
  void aLeaderAddsAPasskeyAndSignsInWithItAloneUntilItIsRemoved() {
    TestUser leader =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    VirtualAuthenticator phone = phone();
    WebDriverWait wait = signIn(leader);
    // Her home page asks her to add one.
    browser.findElement(By.cssSelector("#day-work a[href='/account#passkeys']")).click();
    wait.until(ExpectedConditions.urlContains("/account"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-add")));
    assertThat(browser.findElement(By.id("passkey-unsupported")).isDisplayed()).isFalse();
    WebElement label = browser.findElement(By.id("passkey-label"));
    label.clear();
    label.sendKeys("Test phone");
    browser.findElement(By.id("passkey-add-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys"), "Test phone"));
    assertThat(phone.getCredentials()).hasSize(1);
    assertThat(labels(leader)).containsExactly("Test phone");

    // A second factor on: a password sign-in now asks a code, a passkey sign-in does not.
    turnOnSecondFactor(leader);
    signOut(wait);
    passkeySignIn(wait);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    assertThat(browser.findElements(By.cssSelector("a[href='/account#passkeys']")))
        .as("asked no more")
        .isEmpty();
    browser.get(base() + "/account");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    assertThat(browser.getCurrentUrl()).endsWith("/account");
    assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Test phone");

    // Deactivated: the same passkey signs in no more.
    users.setActive(leader.actor().id(), false);
    signOut(wait);
    passkeySignIn(wait);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-error")));
    assertThat(browser.getCurrentUrl()).contains("/login");
    users.setActive(leader.actor().id(), true);

    // Removed on the account page: the phone still holds it, Sahay no longer takes it.
    passkeySignIn(wait);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
    browser.get(base() + "/account");
    WebElement remove =
        browser.findElement(
            By.cssSelector("#passkeys form[action$='/remove'] button[type=submit]"));
    remove.click();
    // The same address answers again: wait for the new page, not for the address.
    wait.until(ExpectedConditions.stalenessOf(remove));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys")));
    assertThat(labels(leader)).isEmpty();
    signOut(wait);
    passkeySignIn(wait);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-error")));
    assertThat(browser.findElement(By.id("passkey-error")).getText()).isNotBlank();

    assertThat(audit(leader))
        .containsSubsequence(
            "PASSKEY_ADDED a passkey was added",
            "LOGIN signed in with a passkey",
            "LOGIN_FAILED account deactivated",
            "LOGIN signed in with a passkey",
            "PASSKEY_REMOVED a passkey was removed");
  }

  @Test
  void aLostPhonesPasskeysGoWhenAnAdminResetsTheSecondFactor() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    TestUser leader = fixtures.user(collective, Role.LEADER);
    TestUser admin = fixtures.user(collective, Role.ORG_ADMIN);
    phone();
    WebDriverWait wait = signIn(leader);
    browser.get(base() + "/account");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-add")));
    browser.findElement(By.id("passkey-add-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#passkeys li")));
    assertThat(labels(leader)).hasSize(1);

    usersService.resetSecondFactor(admin.actor(), leader.actor().id());

    assertThat(labels(leader)).isEmpty();
    browser.get(base() + "/account");
    wait.until(ExpectedConditions.urlContains("/login"));
    passkeySignIn(wait);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-error")));
  }

  @Autowired Users usersService;

  private VirtualAuthenticator phone() {
    return ((HasVirtualAuthenticator) browser)
        .addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
  }

  private void passkeySignIn(WebDriverWait wait) {
    browser.get(base() + "/login");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("passkey-button"))).click();
  }

  private void signOut(WebDriverWait wait) {
    browser.get(base() + "/account");
    if (!browser.findElements(By.cssSelector("nav.nav form button")).isEmpty()) {
      browser.findElement(By.cssSelector("nav.nav form button")).click();
      wait.until(ExpectedConditions.urlContains("/login"));
    }
  }

  private void turnOnSecondFactor(TestUser user) {
    SecondFactors.Enrolment enrolment = factors.start(user.actor(), null);
    byte[] secret = SecondFactorCodes.fromBase32(enrolment.key().replace(" ", ""));
    long step = Math.floorDiv(Instant.now().getEpochSecond(), 30);
    assertThat(
            factors.confirm(
                user.actor(), enrolment.sealed(), SecondFactorCodes.code(secret, step, 6)))
        .isTrue();
  }

  private List<String> labels(TestUser user) {
    return jdbc.sql("select label from passkey_credential where user_id = :u order by created_at")
        .param("u", user.actor().id().value())
        .query(String.class)
        .list();
  }

  private List<String> audit(TestUser user) {
    return jdbc.sql(
            "select action, summary from audit_entry where entity_id = :id"
                + " and (action like 'PASSKEY%' or action like 'LOGIN%')"
                // Entries are numbered when sealed, a moment later: order by when they happened.
                + " order by occurred_at")
        .param("id", user.actor().id().value().toString())
        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
        .list();
  }
}
