package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/** Debian's headless Chromium, driven by Debian's chromedriver; nothing is downloaded. */
class BrowserIntegrationTest extends IntegrationTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    assertThat(new File(CHROMIUM))
        .as(
            "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
        .exists();
    profile = Files.createTempDirectory("sahay-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=360,740",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var paths = Files.walk(profile)) {
        paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

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

  private static String telugu(String key) {
    return ResourceBundle.getBundle("i18n/messages", new Locale("te")).getString(key);
  }
}
