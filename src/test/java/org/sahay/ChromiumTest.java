package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests: Debian's headless Chromium, driven by Debian's chromedriver, a fresh profile per
 * test; nothing is downloaded.
 */
public abstract class ChromiumTest extends IntegrationTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  protected WebDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    assertThat(new File(CHROMIUM))
        .as(
            "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
        .exists();
    profile = Files.createTempDirectory("sahay-chromium");
    ChromeOptions options = options(profile);
    options.addArguments("--disable-sync", "--window-size=360,740");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  /** Debian's headless Chromium with a fresh profile, asking the network for nothing of its own. */
  public static ChromeOptions options(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--user-data-dir=" + profile);
    return options;
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

  /** Emulates a screen this many CSS pixels wide (headless Chromium keeps windows 500 px wide). */
  protected void screen(int width) {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width",
                width,
                "height",
                740,
                "deviceScaleFactor",
                width < 500 ? 2 : 1,
                "mobile",
                width < 500));
  }

  /** Where the browser reaches Sahay; a test that puts a network in between says so here. */
  protected String base() {
    return "http://localhost:" + port;
  }

  /** Signs in through the login page and waits for the navigation. */
  protected WebDriverWait signIn(Fixtures.TestUser user) {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base() + "/login");
    browser.findElement(By.id("f-username")).sendKeys(user.username());
    browser.findElement(By.id("f-password")).sendKeys(user.password());
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
    return wait;
  }
}
