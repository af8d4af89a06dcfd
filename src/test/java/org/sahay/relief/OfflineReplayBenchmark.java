package org.sahay.relief;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a phone takes to send what it kept offline, run by hand (docs/benchmarks.md): {@code
 * java -cp <test classpath> org.sahay.relief.OfflineReplayBenchmark 1000 0} queues 1,000 hand-overs
 * (to 1,000 members) in headless Chromium's IndexedDB, sealed under the offline PIN as a leader's
 * phone does, then times the replay until the queue is empty, optionally with each round trip made
 * this many milliseconds longer by Chromium's network emulation. PostgreSQL when SAHAY_TEST_DB_URL
 * names one, else H2 in a file under target/replay-benchmark.
 */
public final class OfflineReplayBenchmark {

  private OfflineReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.parseInt(args[0]);
    int latency = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (ConfigurableApplicationContext context = org.sahay.Benchmarked.start("replay-benchmark")) {
      int port =
          Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
      Fixtures fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
      var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
      var leader = fixtures.user(collective, Role.LEADER);
      Relief relief =
          new Relief(new Http(port), new Http(port).token(leader.username(), leader.password()));
      String kit = relief.item("Ration kit", "KIT");
      String office = relief.location("Office");
      relief.receive(office, kit, String.valueOf(2 * records), null);
      String round = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
      String baselineRound = relief.round(office, kit, "1", "ALL_MEMBERS", "ONCE_PER_HOUSEHOLD");
      List<String> members = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        members.add(relief.member("Synthetic Replay " + i));
      }
      baseline(port, leader, baselineRound, members, round);
      ChromeDriver browser = browser();
      try {
        replay(browser, "http://localhost:" + port, leader, round, members, latency);
      } finally {
        browser.quit();
      }
      long saved =
          context
              .getBean(JdbcClient.class)
              .sql("select count(*) from distribution where round_id = :round")
              .param("round", UUID.fromString(round))
              .query(Long.class)
              .single();
      System.out.printf("REPLAY saved %d of %d%n", saved, records);
    }
    System.exit(0);
  }

  private static void replay(
      ChromeDriver browser,
      String base,
      Fixtures.TestUser leader,
      String round,
      List<String> members,
      int latency) {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(base + "/login");
    browser.findElement(By.id("f-username")).sendKeys(leader.username());
    browser.findElement(By.id("f-password")).sendKeys(leader.password());
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
    browser.get(base + "/offline");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-pin"))).sendKeys("246810");
    browser.findElement(By.id("f-pin2")).sendKeys("246810");
    browser.findElement(By.cssSelector("#pin-set button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-state")));
    browser.manage().timeouts().scriptTimeout(Duration.ofHours(1));
    String ids = String.join(",", members.stream().map(m -> "'" + m + "'").toList());
    long queued =
        (Long)
            script(
                browser,
                "const t = performance.now(); const url = '/sync/v1/rounds/"
                    + round
                    + "/handovers'; (async () => { for (const id of ["
                    + ids
                    + "]) await SahayOffline.enqueue(url, 'handover', 'memberId=' + id, id); })()"
                    + ".then(() => done(Math.round(performance.now() - t)));");
    if (latency > 0) {
      browser.executeCdpCommand("Network.enable", Map.of());
      browser.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of(
              "offline",
              false,
              "latency",
              latency,
              "downloadThroughput",
              400_000 / 8,
              "uploadThroughput",
              400_000 / 8));
    }
    long sent =
        (Long)
            script(
                browser,
                "const t = performance.now(); SahayOffline.replay()"
                    + ".then(() => SahayOffline.all('queue'))"
                    + ".then(q => done(q.length === 0 ? Math.round(performance.now() - t) : -q.length));");
    System.out.printf(
        "REPLAY %d records, latency %d ms: sealed and queued in %d ms (%.1f ms each),"
            + " replayed in %d ms (%.1f ms each)%n",
        members.size(),
        latency,
        queued,
        queued / (double) members.size(),
        sent,
        sent / (double) members.size());
  }

  /**
   * The same requests from a plain Java client, signed in the same way (session, CSRF header, a key
   * per record): what the server and the loopback cost without the browser and its IndexedDB.
   */
  private static void baseline(
      int port, Fixtures.TestUser leader, String round, List<String> members, String site) {
    Http http = new Http(port);
    http.signIn(leader.username(), leader.password());
    String session = http.get("/sync/v1/session").body();
    String header = org.sahay.Json.text(session, "$.csrfHeader");
    String token = org.sahay.Json.text(session, "$.csrfToken");
    long start = System.nanoTime();
    for (String member : members) {
      var answer =
          http.postBytes(
              "/sync/v1/rounds/" + round + "/handovers",
              "application/x-www-form-urlencoded",
              ("memberId=" + member).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "Idempotency-Key",
              UUID.randomUUID().toString(),
              header,
              token);
      if (answer.statusCode() != 201) {
        throw new IllegalStateException(answer.statusCode() + " " + answer.body());
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    // The lookup a phone takes to the site, for the collective's members: median of 3 after one.
    long[] lookups = new long[4];
    for (int i = 0; i < lookups.length; i++) {
      long began = System.nanoTime();
      var lookup = http.get("/sync/v1/rounds/" + site + "/lookup");
      lookups[i] = (System.nanoTime() - began) / 1_000_000;
      if (lookup.statusCode() != 200) {
        throw new IllegalStateException(lookup.statusCode() + " " + lookup.body());
      }
      if (i == 0) {
        System.out.printf(
            "REPLAY lookup of %d people: %d bytes of JSON%n",
            members.size(), lookup.body().length());
      }
    }
    java.util.Arrays.sort(lookups, 1, lookups.length);
    System.out.printf(
        "REPLAY lookup: median %d ms, slowest %d ms (after a first of %d ms)%n",
        lookups[2], lookups[3], lookups[0]);
    System.out.printf(
        "REPLAY baseline: the same %d requests from a Java client in %d ms (%.1f ms each)%n",
        members.size(), ms, ms / (double) members.size());
  }

  private static Object script(ChromeDriver browser, String body) {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript("const done = arguments[arguments.length - 1]; " + body);
  }

  private static ChromeDriver browser() throws Exception {
    Path profile = Files.createTempDirectory("sahay-replay");
    ChromeOptions options = org.sahay.ChromiumTest.options(profile);
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build(),
        options);
  }
}
