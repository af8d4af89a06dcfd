package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The page budget of a ₹7,000 phone on a poor network: every page reachable from the navigation,
 * for every kind of user, at most 30 KB compressed (HTML, CSS and JavaScript together, first view,
 * nothing cached, no service worker) and usable (parsed, styled, scripts run: DOMContentLoaded)
 * within 2 s over 400 kbps with 400 ms round trips, emulated by Chromium through the DevTools
 * protocol. The figures go to {@code target/page-budget.txt} for docs/benchmarks.md.
 */
class PageBudgetBrowserIntegrationTest extends ChromiumTest {

  static final int MOST_BYTES = 30 * 1024;
  static final int MOST_MILLIS = 2000;

  @Autowired private Organisations organisations;

  /** One page as the phone got it. */
  record Weight(String who, String path, long bytes, long transferred, long ready, long files) {
    String line() {
      return "%-10s %-34s %6d B compressed %6d B on the wire %5d ms %d files"
          .formatted(who, path, bytes, transferred, ready, files);
    }
  }

  @Test
  void everyPageFromTheNavigationFitsTheBudgetOfACheapPhoneOnAPoorNetwork() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR);
    String round = seed(leader);
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    var liaison = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);

    List<Weight> weights = new ArrayList<>();
    emulatePoorNetwork();
    weights.add(measure("anonymous", "/login"));
    weights.addAll(
        navigation(
            "leader",
            leader,
            "/relief/rounds/" + round,
            "/members/new",
            "/needs/new",
            "/care/counselling/group",
            "/reports/exports"));
    weights.addAll(navigation("mentor", fixtures.user(mentor, Role.MENTOR_STAFF)));
    weights.addAll(navigation("funder", fixtures.user(funder, Role.FUNDER_VIEWER)));
    weights.addAll(navigation("liaison", fixtures.user(liaison, Role.DISTRICT_LIAISON)));
    weights.addAll(navigation("sysadmin", fixtures.systemAdmin()));

    List<String> lines = weights.stream().map(Weight::line).toList();
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/page-budget.txt"), lines);
    lines.forEach(System.out::println);
    assertThat(weights).as("pages measured").hasSizeGreaterThan(15);
    assertThat(weights)
        .as("pages over 30 KB compressed")
        .filteredOn(w -> w.bytes() > MOST_BYTES)
        .isEmpty();
    assertThat(weights)
        .as("pages not usable within 2 s at 400 kbps and 400 ms round trips")
        .filteredOn(w -> w.ready() > MOST_MILLIS)
        .isEmpty();
  }

  /**
   * Signs in (at full speed) and measures every page the navigation offers this user, and the pages
   * a leader works in at a site (recording hand-overs, registering, a need).
   */
  private List<Weight> navigation(String who, Fixtures.TestUser user, String... more) {
    fullSpeed();
    browser.manage().deleteAllCookies();
    signIn(user);
    @SuppressWarnings("unchecked")
    List<String> links =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Array.from(document.querySelectorAll('nav.nav a[href^=\"/\"]'))"
                        + ".map(a => a.getAttribute('href'))");
    Set<String> pages = new LinkedHashSet<>();
    pages.add("/");
    pages.addAll(links);
    pages.addAll(List.of(more));
    emulatePoorNetwork();
    List<Weight> weights = new ArrayList<>();
    for (String path : pages) {
      weights.add(measure(who, path));
    }
    return weights;
  }

  private Weight measure(String who, String path) {
    browser.get(base() + path);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "const finish = () => {"
                        + " const n = performance.getEntriesByType('navigation')[0];"
                        + " const r = performance.getEntriesByType('resource');"
                        + " const sum = (f) => r.reduce((s, e) => s + e[f], n[f]);"
                        + " done({bytes: sum('encodedBodySize'), transferred: sum('transferSize'),"
                        + "  ready: Math.round(n.domContentLoadedEventEnd), files: r.length + 1}); };"
                        + "document.readyState === 'complete' ? finish()"
                        + " : addEventListener('load', finish);");
    return new Weight(
        who,
        path,
        ((Number) m.get("bytes")).longValue(),
        ((Number) m.get("transferred")).longValue(),
        ((Number) m.get("ready")).longValue(),
        ((Number) m.get("files")).longValue());
  }

  /** 400 kbps each way, 400 ms round trips; nothing cached, no service worker answering. */
  private void emulatePoorNetwork() {
    cdp("Network.enable", Map.of());
    cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    cdp("Network.setBypassServiceWorker", Map.of("bypass", true));
    cdp(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            400,
            "downloadThroughput",
            400_000 / 8,
            "uploadThroughput",
            400_000 / 8));
  }

  private void fullSpeed() {
    cdp(
        "Network.emulateNetworkConditions",
        Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private void cdp(String command, Map<String, Object> parameters) {
    ((ChromeDriver) browser).executeCdpCommand(command, parameters);
  }

  /** Pages with something on them: members, and a round to record hand-overs in. */
  private String seed(Fixtures.TestUser user) {
    Http http = http();
    String token = http.token(user.username(), user.password());
    String item =
        id(
            http.postJson(
                "/api/v1/items",
                "{\"nameEn\":\"Rice\",\"unit\":\"KG\",\"category\":\"FOOD\"}",
                "Authorization",
                Http.bearer(token)));
    String location =
        id(
            http.postJson(
                "/api/v1/stock-locations",
                "{\"name\":\"Office store\"}",
                "Authorization",
                Http.bearer(token)));
    for (int i = 0; i < 30; i++) {
      var response =
          http.postJson(
              "/api/v1/members",
              "{\"name\":\"Synthetic Budget Member %d\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\",\"village\":\"Kothapeta\"}"
                  .formatted(i),
              "Authorization",
              Http.bearer(token));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
    return id(
        http.postJson(
            "/api/v1/distribution-rounds",
            """
            {"name":"Ration round","startsOn":"2026-01-01","endsOn":"2026-12-31",
             "locationId":"%s","lines":[{"item":"%s","quantity":5}],
             "eligibility":"ALL_MEMBERS","rule":"ONCE_PER_HOUSEHOLD"}
            """
                .formatted(location, item),
            "Authorization",
            Http.bearer(token)));
  }

  private static String id(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.text(response.body(), "$.id");
  }
}
