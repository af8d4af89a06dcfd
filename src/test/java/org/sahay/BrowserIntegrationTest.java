package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/** Debian's headless Chromium, driven by Debian's chromedriver; nothing is downloaded. */
class BrowserIntegrationTest extends ChromiumTest {

  @org.springframework.beans.factory.annotation.Autowired
  private org.sahay.organisations.Organisations organisations;

  @org.springframework.beans.factory.annotation.Autowired private org.sahay.access.Users users;

  @Test
  void aLeaderSignsInSwitchesToTeluguAndLeavesWithQuickExit() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    String base = "http://localhost:" + port;
    var wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(base + "/");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("f-username")).sendKeys(leader.username());
    browser.findElement(By.id("f-password")).sendKeys(leader.password());
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(leader.username());

    browser.findElement(By.cssSelector("a[hreflang=te]")).click();
    wait.until(d -> "te".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    String teluguHome = telugu("layout.home");
    assertThat(browser.findElement(By.cssSelector("nav.nav")).getText()).contains(teluguHome);
    assertThat(browser.findElement(By.id("quick-exit")).getText())
        .isEqualTo(telugu("layout.quickExit"));

    browser.findElement(By.id("quick-exit")).click();
    wait.until(ExpectedConditions.urlContains("/n"));
    assertThat(browser.getTitle()).doesNotContain("Sahay");
    browser.get(base + "/");
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  @Test
  void aTeluguLeaderFillsTheNeedsAssessmentOnANarrowPhoneAndSeesTheNeeds() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    String member = member(leader);
    String base = "http://localhost:" + port;
    var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    // Headless Chromium keeps windows at least 500 px wide; emulate the phone's 360 px screen.
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));

    browser.get(base + "/login");
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth"))
        .isEqualTo(360L);
    browser.findElement(By.id("f-username")).sendKeys(leader.username());
    browser.findElement(By.id("f-password")).sendKeys(leader.password());
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
    browser.get(base + "/?lang=te");
    wait.until(d -> "te".equals(d.findElement(By.tagName("html")).getAttribute("lang")));

    browser.get(base + "/members/" + member);
    go(wait, By.id("fill-form"));
    assertThat(browser.findElement(By.id("forms")).getText())
        .contains(telugu("forms.title.household-needs"));
    go(wait, By.cssSelector("a[href*='/forms/household-needs/fill']"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(telugu("forms.title.household-needs"));
    go(wait, By.id("next"));

    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = '2026-01-15'", browser.findElement(By.id("q-visit_date")));
    type("household_size", "4");
    type("children_school_age", "0");
    go(wait, By.id("next"));
    choose("food_shortage", "often");
    choose("ration_card", "no");
    go(wait, By.id("next"));
    choose("housing", "rented");
    go(wait, By.id("next"));
    type("rent_arrears_months", "4");
    choose("eviction_threat", "yes");
    go(wait, By.id("next"));
    type("electricity_arrears", "0");
    choose("electricity_cut", "no");
    go(wait, By.id("next"));
    Long scrollWidth =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
    Object wide =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > 361)"
                    + ".map(e => e.tagName + '.' + e.className + '#' + e.id + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)).join('; ')");
    assertThat(scrollWidth)
        .as("no sideways scrolling on a narrow phone: %s", wide)
        .isLessThanOrEqualTo(360);
    choose("medical_needs", "none");
    choose("distress", "no");
    go(wait, By.id("next"));
    choose("documents_missing", "none");
    go(wait, By.id("next"));
    choose("has_debt", "no");
    go(wait, By.id("next"));
    choose("livelihood_lost", "no");
    type("income_last_month", "3000");
    go(wait, By.id("next"));
    choose("unsafe", "no");
    choose("violence", "no");
    go(wait, By.id("next"));
    assertThat(browser.getCurrentUrl()).endsWith("/review");
    go(wait, By.id("submit"));

    String raised = browser.findElement(By.id("raised-needs")).getText();
    assertThat(raised)
        .contains(telugu("need.category.FOOD"))
        .contains(telugu("need.category.RENT"))
        .contains(telugu("need.severity.URGENT"));
    go(wait, By.id("needs-register"));
    assertThat(browser.findElement(By.id("needs")).getText())
        .contains(telugu("need.category.RENT"))
        .contains(telugu("need.status.OPEN"));
    assertThat(browser.getCurrentUrl()).doesNotContain("often").doesNotContain("3000");
  }

  /**
   * Every page reachable from the navigation, two clicks deep, fits a 360 px phone in Telugu,
   * Hindi, Bengali and English (issue 12 item 10): no sideways scrolling of the page. A collective
   * with a member (and her confidential profile), a household, a need, a relief round with a
   * hand-over, a donation with its receipt and a support request gives the pages something to show.
   */
  @Test
  void everyPageFromTheNavigationFitsANarrowPhoneInEveryLanguage() throws java.io.IOException {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR);
    java.util.List<String> starts = seed(collective, user);
    String base = "http://localhost:" + port;
    var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    browser.get(base + "/login");
    browser.findElement(By.id("f-username")).sendKeys(user.username());
    browser.findElement(By.id("f-password")).sendKeys(user.password());
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));

    java.util.List<String> tooWide = new java.util.ArrayList<>();
    int visited = 0;
    for (String language : java.util.List.of("te", "hi", "bn", "en")) {
      browser.get(base + "/?lang=" + language);
      wait.until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      java.util.List<String> next = new java.util.ArrayList<>(starts);
      for (int depth = 0; depth <= 2 && !next.isEmpty(); depth++) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String path : next) {
          if (!seen.add(path) || seen.size() > 80) {
            continue;
          }
          browser.get(base + path);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
          visited++;
          Object wide =
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "if (document.documentElement.scrollWidth <= 360) return '';"
                          + "return document.documentElement.scrollWidth + ' px: ' +"
                          + " Array.from(document.querySelectorAll('main *'))"
                          + ".filter(e => e.getBoundingClientRect().right > 361)"
                          + ".slice(0, 4).map(e => e.tagName + '.' + e.className + '#' + e.id"
                          + " + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
          if (!String.valueOf(wide).isEmpty()) {
            tooWide.add(language + " " + path + " " + wide);
          }
          if (depth < 2) {
            @SuppressWarnings("unchecked")
            java.util.List<String> links =
                (java.util.List<String>)
                    ((JavascriptExecutor) browser)
                        .executeScript(
                            "return Array.from(document.querySelectorAll('main a[href^=\"/\"],"
                                + " nav.nav a[href^=\"/\"]')).map(a => a.getAttribute('href'))");
            for (String link : links) {
              if (crawlable(link)) {
                found.add(link);
              }
            }
          }
        }
        next = found;
      }
    }
    assertThat(visited).as("pages visited").isGreaterThan(40);
    assertThat(tooWide).as("pages wider than a 360 px phone").isEmpty();
    screenshots(base, starts, wait);
  }

  /** Pages, not downloads, sign-out, quick exit or language switches. */
  private static boolean crawlable(String link) {
    return !link.contains("lang=")
        && !link.startsWith("/quick-exit")
        && !link.startsWith("/logout")
        && !link.matches(".*\\.(pdf|csv|xlsx|json)(\\?.*)?$")
        && !link.contains("/download")
        && !link.contains("/export")
        && !link.contains("#");
  }

  /** Seeds the collective; returns the page of a donation's receipt, three clicks from home. */
  /**
   * The entitlements guide's pictures (docs/entitlements.md), taken on the 360 px phone when the
   * build is asked for them: {@code ./mvnw verify -Dtest=BrowserIntegrationTest
   * -Dsahay.screenshots=docs/images}. Runs without the property write nothing.
   */
  private void screenshots(String base, java.util.List<String> starts, WebDriverWait wait)
      throws java.io.IOException {
    String folder = System.getProperty("sahay.screenshots");
    if (folder == null || folder.isBlank()) {
      return;
    }
    java.nio.file.Path dir = java.nio.file.Path.of(folder);
    java.nio.file.Files.createDirectories(dir);
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("entitlements-member-te", starts.get(2) + "?lang=te");
    pages.put("entitlements-catalogue-en", "/entitlements?lang=en");
    pages.put("entitlements-drive-en", starts.get(4));
    pages.put("entitlements-coverage-en", "/entitlements/coverage");
    pages.put("entitlements-list-en", starts.get(8));
    pages.put("entitlements-stakeholder-bn", starts.get(10) + "?lang=bn");
    pages.put("care-overview-te", "/care?lang=te");
    pages.put("care-counselling-member-en", starts.get(11) + "?lang=en");
    pages.put("care-loan-bn", starts.get(12) + "?lang=bn");
    pages.put("care-due-hi", "/care/vaccinations/due?lang=hi");
    for (var page : pages.entrySet()) {
      browser.get(base + page.getValue());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
      java.nio.file.Files.write(
          dir.resolve(page.getKey() + ".png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
    browser.get(base + "/?lang=en");
  }

  private java.util.List<String> seed(
      org.sahay.organisations.Organisation collective, Fixtures.TestUser user) {
    Http http = http();
    String token = http.token(user.username(), user.password());
    java.util.function.BiFunction<String, String, String> post =
        (path, json) -> {
          var response = http.postJson(path, json, "Authorization", Http.bearer(token));
          assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 201, 202);
          var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
          return m.find() ? m.group(1) : "";
        };
    String member =
        post.apply(
            "/api/v1/members",
            """
            {"name":"Synthetic Narrow Screen Member","gender":"FEMALE","yearOfBirth":1984,
             "district":"Guntur","phone":"9876543210","village":"Kothapeta",
             "sensitive":{"hivStatus":"positive","onArt":true,
               "notes":"కౌన్సెలింగ్ సమావేశం తర్వాత ఆరోగ్య కేంద్రానికి తీసుకెళ్లాలి; synthetic note"}}
            """);
    String household =
        post.apply(
            "/api/v1/households",
            """
            {"housing":"RENTED","district":"Guntur","headMemberId":"%s","memberIds":["%s"],
             "monthlyRent":"3,000",
             "dependents":[{"kind":"CHILD","name":"Synthetic Child","age":9,"inSchool":true}]}
            """
                .formatted(member, member));
    post.apply(
        "/api/v1/needs", "{\"householdId\":\"%s\",\"category\":\"food\"}".formatted(household));
    post.apply("/api/v1/needs", "{\"memberId\":\"%s\",\"category\":\"medical\"}".formatted(member));
    String item =
        post.apply(
            "/api/v1/items",
            "{\"nameEn\":\"Rice\",\"nameTe\":\"బియ్యం\",\"unit\":\"KG\",\"category\":\"FOOD\"}");
    String location = post.apply("/api/v1/stock-locations", "{\"name\":\"Office store\"}");
    post.apply(
        "/api/v1/stock-receipts",
        "{\"locationId\":\"%s\",\"itemId\":\"%s\",\"quantity\":100,\"source\":\"DONATION_IN_KIND\"}"
            .formatted(location, item));
    String round =
        post.apply(
            "/api/v1/distribution-rounds",
            """
            {"name":"Ration round","startsOn":"2026-01-01","endsOn":"2026-12-31",
             "locationId":"%s","lines":[{"item":"%s","quantity":5}],
             "eligibility":"ALL_MEMBERS","rule":"ONCE_PER_HOUSEHOLD"}
            """
                .formatted(location, item));
    post.apply(
        "/api/v1/distribution-rounds/" + round + "/distributions",
        "{\"memberId\":\"%s\"}".formatted(member));
    var funds = new org.sahay.funds.FundsClient(http, token);
    String campaign = funds.campaign("narrow", false);
    var donated = funds.donate(campaign, 150_000, "2026-01-10");
    assertThat(donated.statusCode()).isEqualTo(201);
    var id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(donated.body());
    assertThat(id.find()).isTrue();
    String schemes = http.get("/api/v1/schemes", "Authorization", Http.bearer(token)).body();
    String pmjdy = (String) org.sahay.Json.list(schemes, "$[?(@.code == 'PMJDY')].id").get(0);
    post.apply(
        "/api/v1/members/" + member + "/entitlements",
        "{\"scheme\":\"%s\",\"status\":\"APPLIED\"}".formatted(pmjdy));
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(),
        office.id(),
        org.sahay.organisations.LinkKind.LIAISES_WITH,
        collective.id());
    var seeded = EntitlementSeeds.make(http, token, post, member, pmjdy, office.id());
    String drive = seeded.drive();
    String list = seeded.list();
    String stakeholder = seeded.stakeholder();
    String[] care = seedCare(collective, post, member, user);
    String pair = seedDuplicates(http, token, post);
    // These lie deeper than two clicks from the navigation.
    return java.util.List.of(
        "/",
        "/funds/donations/" + id.group(1) + "/receipt",
        "/members/" + member + "/entitlements",
        "/members/" + member + "/entitlements/" + pmjdy,
        "/entitlements/drives/" + drive,
        "/entitlements/drives/new",
        "/entitlements/schemes/new",
        "/entitlements/lists/new",
        "/entitlements/lists/" + list,
        "/entitlements/lists/" + list + "/locked",
        "/entitlements/stakeholders/" + stakeholder,
        "/care/counselling/members/" + member,
        "/care/loans/" + care[0],
        "/care/incidents/" + care[1],
        "/care/vaccinations/due",
        "/care/members/" + member,
        "/duplicates/" + pair);
  }

  /** One woman registered twice, in Latin and in Telugu, and a scan: answers the pair's id. */
  private static String seedDuplicates(
      Http http, String token, java.util.function.BiFunction<String, String, String> post) {
    for (String name : java.util.List.of("Lakshmi Devi Reddy", "రెడ్డి లక్ష్మి")) {
      post.apply(
          "/api/v1/members",
          """
          {"name":"%s","gender":"FEMALE","yearOfBirth":1980,"district":"Guntur",
           "phone":"9000022222","village":"Kothapeta"}
          """
              .formatted(name));
    }
    String scan = post.apply("/api/v1/duplicates/scan", "");
    for (int i = 0; i < 200; i++) {
      var status =
          http.get("/api/v1/duplicates/scans/" + scan, "Authorization", Http.bearer(token));
      if (org.sahay.Json.text(status.body(), "$.status").equals("DONE")) {
        var pairs = http.get("/api/v1/duplicates?band=likely", "Authorization", Http.bearer(token));
        return org.sahay.Json.text(pairs.body(), "$[0].id");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the duplicate scan did not finish");
  }

  /**
   * Care for the crawl: a dose due, a loan, an individual session, health support and (granted to
   * the crawling user by another admin) an incident; answers the loan's and the incident's ids.
   */
  private String[] seedCare(
      org.sahay.organisations.Organisation collective,
      java.util.function.BiFunction<String, String, String> post,
      String member,
      Fixtures.TestUser crawler) {
    var admin = fixtures.user(collective, Role.ORG_ADMIN);
    users.grant(admin.actor(), crawler.actor().id(), org.sahay.care.CareAction.INCIDENT, true);
    post.apply(
        "/api/v1/vaccinations",
        "{\"member\":\"%s\",\"vaccine\":\"COVISHIELD\",\"dose\":1,\"givenOn\":\"2026-01-05\"}"
            .formatted(member));
    String loan = CareSeeds.loan(post, member);
    post.apply(
        "/api/v1/counselling-sessions",
        "{\"member\":\"%s\",\"mode\":\"VIDEO\",\"notes\":\"సింథటిక్ గమనిక: నిద్ర తక్కువ\","
                .formatted(member)
            + "\"followUpOn\":\"2026-01-02\"}");
    for (String answer : new String[] {"2", "1"}) {
      StringBuilder answers = new StringBuilder("{");
      for (int i = 1; i <= 9; i++) {
        answers.append("\"phq9_").append(i).append("\":\"").append(answer).append("\",");
      }
      post.apply(
          "/api/v1/forms/phq9/submissions",
          "{\"memberId\":\"%s\",\"answers\":%s\"phq9_difficulty\":\"somewhat\"}}"
              .formatted(member, answers));
    }
    CareSeeds.healthSupport(post, member);
    post.apply(
        "/api/v1/counselling-sessions/group",
        "{\"topic\":\"EMOTIONAL_INTELLIGENCE\",\"facilitator\":\"Synthetic facilitator\"}");
    String incident = CareSeeds.incident(post, member);
    return new String[] {loan, incident};
  }

  /** Clicks and waits for the next page to replace this one. */
  private void go(WebDriverWait wait, By target) {
    WebElement html = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    wait.until(
        d -> {
          try {
            html.isEnabled();
            return false;
          } catch (WebDriverException gone) {
            // stale, or (while the next page replaces this one) no longer in the document
            return true;
          }
        });
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
  }

  private void type(String question, String text) {
    WebElement input = browser.findElement(By.id("q-" + question));
    input.clear();
    input.sendKeys(text);
  }

  private void choose(String question, String value) {
    browser
        .findElement(By.cssSelector("input[name='q." + question + "'][value='" + value + "']"))
        .click();
  }

  private String member(org.sahay.Fixtures.TestUser leader) {
    Http http = http();
    String token = http.token(leader.username(), leader.password());
    var response =
        http.postJson(
            "/api/v1/members",
            "{\"name\":\"Synthetic Browser Member\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,"
                + "\"district\":\"Guntur\"}",
            "Authorization",
            Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String telugu(String key) {
    return ResourceBundle.getBundle("i18n/messages", new Locale("te")).getString(key);
  }
}
