package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahay.ChromiumTest;
import org.sahay.Fixtures;
import org.sahay.FlakyNetwork;
import org.sahay.ForkedSahay;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A leader's phone at a distribution site, in headless Chromium with a network that drops: what she
 * records offline waits, sealed under her PIN, and is saved exactly once when the network is back,
 * however often it is replayed and whatever answers are lost on the way.
 */
class OfflineBrowserIntegrationTest extends ChromiumTest {

  private static final String PIN = "246810";

  @Autowired private JdbcClient jdbc;
  @Autowired private javax.sql.DataSource dataSource;

  private FlakyNetwork network;
  private Organisation collective;
  private Fixtures.TestUser leader;
  private Relief relief;
  private String round;
  private WebDriverWait wait;

  @BeforeEach
  void site() throws Exception {
    network = new FlakyNetwork(port);
    collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    leader = fixtures.user(collective, Role.LEADER);
    relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, "20", null);
    round = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
  }

  @AfterEach
  void closeNetwork() throws Exception {
    network.close();
  }

  @Override
  protected String base() {
    return "http://localhost:" + network.port();
  }

  @Test
  void handOversARegistrationAndAttendanceRecordedOfflineAreSavedOnceAndAReplayAddsNothing()
      throws Exception {
    List<String> names = List.of("Sarala Siteone", "Vimala Sitetwo", "Kamala Sitethree");
    names.forEach(relief::member);
    readyForTheSite();

    network.down();
    for (String name : names) {
      giveOffline(name);
    }
    browser.get(base() + "/members/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-name")));
    browser.findElement(By.id("f-name")).sendKeys("Hemalatha Newatsite");
    fillRegistration();
    browser.findElement(By.cssSelector("form[data-kind=member] button[type=submit]")).click();
    waitForSyncText("saved on this phone");
    assertThat(queued()).isEqualTo(4);
    // Attendance at a group session, on the page the phone kept when the PIN was set.
    browser.get(base() + "/care/counselling/group");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-facilitator")))
        .sendKeys("Synthetic Facilitator");
    browser.findElement(By.id("f-attendance")).sendKeys(String.join(", ", codes(names)));
    browser.findElement(By.cssSelector("form[data-kind=attendance] button[type=submit]")).click();
    wait.until(d -> queued() == 5);
    assertThat(handOvers()).isZero();
    // What would be sent again if the answers never reached the phone: the same records, keys too.
    script(
        "window.__kept = null; SahayOffline.all('queue').then(r => { window.__kept = r; done(r.length); });");

    network.up();
    browser.findElement(By.id("sync-now")).click();
    waitUntilQueued(0);
    assertThat(handOvers()).isEqualTo(3);
    assertThat(members()).isEqualTo(4);
    assertThat(groupSessions()).isEqualTo(1);

    script(
        "Promise.all(window.__kept.map(r => SahayOffline.put('queue', r))).then(() => done(1));");
    assertThat(queued()).isEqualTo(5);
    script("SahayOffline.replay().then(() => done(1));");
    waitUntilQueued(0);
    assertThat(handOvers()).isEqualTo(3);
    assertThat(members()).isEqualTo(4);
    assertThat(groupSessions()).isEqualTo(1);
  }

  /** Online, the hand-over page finds people as she types (htmx), with no button pressed. */
  @Test
  void onlineTheHandOverPageSearchesAsSheTypes() {
    String member = relief.member("Bhagya Typeahead");
    wait = signIn(leader);
    browser.get(base() + "/relief/rounds/" + round);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("f-q"))).sendKeys("Bhagya");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#found input[name=memberId][value='" + member + "']")));
    assertThat(browser.getCurrentUrl()).endsWith("/relief/rounds/" + round);
    assertThat(browser.findElement(By.id("found")).getText()).contains("Bhagya Typeahead");
  }

  @Test
  void aReplayWhoseAnswerIsLostIsSavedOnceWhenTriedAgain() throws Exception {
    relief.member("Anasuya Lostanswer");
    readyForTheSite();
    network.down();
    giveOffline("Anasuya Lostanswer");

    network.up();
    network.loseReplayAnswers(true);
    script("SahayOffline.replay().then(() => done(1));");
    assertThat(network.answersLost()).isPositive();
    assertThat(queued()).isEqualTo(1);
    assertThat(handOvers()).isEqualTo(1);

    network.loseReplayAnswers(false);
    script("SahayOffline.replay().then(() => done(1));");
    waitUntilQueued(0);
    assertThat(handOvers()).isEqualTo(1);
  }

  @Test
  void aConflictingHandOverShowsBothAndThePersonChooses() throws Exception {
    String member = relief.member("Jayamma Twophones");
    readyForTheSite();
    network.down();
    giveOffline("Jayamma Twophones");
    // Meanwhile another leader, online, records the same household.
    var other = fixtures.user(collective, Role.LEADER);
    String earlier =
        Relief.created(
            new Relief(http(), http().token(other.username(), other.password()))
                .give(round, "{\"memberId\":\"" + member + "\"}"));
    assertThat(handOvers()).isEqualTo(1);

    network.up();
    script("SahayOffline.replay().then(() => done(1));");
    browser.get(base() + "/offline");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("li.conflict"), other.username()));
    WebElement conflict = browser.findElement(By.cssSelector("li.conflict"));
    assertThat(conflict.getText())
        .contains("Jayamma Twophones")
        .contains("Already in Sahay")
        .contains(other.username());
    assertThat(handOvers()).isEqualTo(1);

    // The list is drawn again whenever the queue changes: the button is looked up as it is clicked.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.xpath("//li[@class='conflict']//button[contains(., 'record mine')]"))
                  .click();
              return true;
            });
    waitUntilQueued(0);
    assertThat(handOvers()).isEqualTo(1);
    assertThat(
            jdbc.sql("select reversed_by from distribution where id = :id")
                .param("id", UUID.fromString(earlier))
                .query(String.class)
                .single())
        .isEqualTo(leader.username());
  }

  @Test
  void afterQuickExitTheQueueIsUnreadableWithoutThePin() throws Exception {
    relief.member("Suguna Quickexit");
    readyForTheSite();
    network.down();
    giveOffline("Suguna Quickexit");
    network.up();
    browser.findElement(By.id("quick-exit")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/relief")));

    signIn(leader);
    Object raw =
        script(
            "SahayOffline.all('queue').then(rs => done(rs.map(r => "
                + "Array.from(new Uint8Array(r.data)).map(b => String.fromCharCode(b)).join('')"
                + " + JSON.stringify(Object.keys(r))).join('|')));");
    assertThat(raw.toString()).isNotEmpty().doesNotContain("Suguna").doesNotContain("memberId");
    assertThat(script("done(SahayOffline.hasKey());")).isEqualTo(false);
    assertThat(script("SahayOffline.unlock('135790').then(done);")).isEqualTo(false);
    assertThat(script("SahayOffline.unlock('" + PIN + "').then(done);")).isEqualTo(true);
    assertThat(
            script(
                "SahayOffline.all('queue').then(rs => SahayOffline.unseal(rs[0]))"
                    + ".then(i => done(i.label));"))
        .asString()
        .contains("Suguna Quickexit");
    script("SahayOffline.replay().then(() => done(1));");
    waitUntilQueued(0);
    assertThat(handOvers()).isEqualTo(1);
  }

  /**
   * The server is killed (as in a crash) and started again while the phone has no network; then
   * killed again while a replayed hand-over is half done (its key claimed, the hand-over waiting
   * for a lock), and started again: the phone's retry with the same key takes the dead node's claim
   * over, and each hand-over is saved exactly once.
   */
  @Test
  void theServerKilledWhileThePhoneWasOfflineAndMidRequestStillSavesEachOnce() throws Exception {
    relief.member("Padma Restartone");
    relief.member("Rukmini Restarttwo");
    try (ForkedSahay fork =
        new ForkedSahay(freePort(), java.nio.file.Path.of("target/forked-sahay.log"))) {
      fork.start();
      network.close();
      network = new FlakyNetwork(fork.port());
      readyForTheSite();

      network.down();
      giveOffline("Padma Restartone");
      fork.kill();
      fork.start();
      network.up();
      script("SahayOffline.replay().then(() => done(1));");
      waitUntilQueued(0);
      assertThat(handOvers()).isEqualTo(1);

      network.down();
      giveOffline("Rukmini Restarttwo");
      network.up();
      try (java.sql.Connection lock = dataSource.getConnection()) {
        lock.setAutoCommit(false);
        try (var hold =
            lock.prepareStatement(
                "select on_hand from stock_balance where organisation_id = ? for update")) {
          hold.setObject(1, collective.id().value());
          hold.executeQuery().close();
        }
        ((JavascriptExecutor) browser).executeScript("SahayOffline.replay();");
        wait.until(d -> claimsInProgress() == 1);
        fork.kill();
        lock.rollback();
      }
      assertThat(queued()).isEqualTo(1);
      assertThat(handOvers()).isEqualTo(1);
      fork.start();
      script("SahayOffline.replay().then(() => done(1));");
      waitUntilQueued(0);
      assertThat(handOvers()).isEqualTo(2);
      assertThat(claimsInProgress()).isZero();
    }
  }

  // ---- the steps of a site day

  /** Signs in, sets the offline PIN and takes the round's lookup and pages onto the phone. */
  private void readyForTheSite() {
    wait = signIn(leader);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(base() + "/offline");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-pin"))).sendKeys(PIN);
    browser.findElement(By.id("f-pin2")).sendKeys(PIN);
    browser.findElement(By.cssSelector("#pin-set button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-state")));
    browser.get(base() + "/relief/rounds/" + round);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-prepare"))).click();
    unlockIfAsked();
    waitForSyncText("Ready for this site");
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "caches.open('sahay-shell-v1').then(c => Promise.all(['/relief/rounds/"
                        + round
                        + "', '/members/new', '/care/counselling/group'].map(u => c.match(u))))"
                        + ".then(hits => done(hits.every(Boolean)));")));
  }

  /** The page asks for the PIN when the service worker did not hand it the key. */
  private void unlockIfAsked() {
    wait.until(
        d ->
            browser.findElement(By.id("pin-dialog")).isDisplayed()
                || browser.findElement(By.id("sync-text")).getText().contains("Ready"));
    if (browser.findElement(By.id("pin-dialog")).isDisplayed()) {
      browser.findElement(By.id("pin-input")).sendKeys(PIN, Keys.ENTER);
    }
  }

  /** Finds her in the round's lookup and gives, with no network. */
  private void giveOffline(String name) {
    if (!browser.getCurrentUrl().contains("/relief/rounds/" + round)) {
      browser.get(base() + "/relief/rounds/" + round);
    }
    WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("f-q")));
    q.clear();
    q.sendKeys(name.split(" ")[0], Keys.ENTER);
    WebElement give =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[@id='found']//li[strong[text()='"
                        + name
                        + "']]//form[@data-offline]//button")));
    int before = queued();
    give.click();
    wait.until(d -> queued() == before + 1);
  }

  private void fillRegistration() {
    browser.findElement(By.id("f-yearOfBirth")).sendKeys("1988");
    browser.findElement(By.id("f-district")).sendKeys("Guntur");
    browser.findElement(By.id("f-village")).sendKeys("Kothapeta");
  }

  private void waitForSyncText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sync-text"), text));
  }

  private void waitUntilQueued(int count) {
    wait.until(d -> queued() == count);
  }

  private int queued() {
    return ((Number) script("SahayOffline.all('queue').then(r => done(r.length));")).intValue();
  }

  private Object script(String body) {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript("const done = arguments[arguments.length - 1]; " + body);
  }

  private long handOvers() {
    return jdbc.sql(
            "select count(*) from distribution where round_id = :round and reversed_at is null")
        .param("round", UUID.fromString(round))
        .query(Long.class)
        .single();
  }

  private long claimsInProgress() {
    return jdbc.sql(
            "select count(*) from idempotency_record where principal = :user"
                + " and state = 'IN_PROGRESS'")
        .param("user", leader.username())
        .query(Long.class)
        .single();
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<String> codes(List<String> names) {
    return jdbc.sql("select code from member where organisation_id = :org order by code")
        .param("org", collective.id().value())
        .query(String.class)
        .list()
        .subList(0, names.size());
  }

  private long groupSessions() {
    return jdbc.sql("select count(*) from counselling_group_session where organisation_id = :org")
        .param("org", collective.id().value())
        .query(Long.class)
        .single();
  }

  private long members() {
    return jdbc.sql("select count(*) from member where organisation_id = :org")
        .param("org", collective.id().value())
        .query(Long.class)
        .single();
  }
}
