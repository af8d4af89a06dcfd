package org.sahay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sahay.ChromiumTest;
import org.sahay.Fixtures;
import org.sahay.Json;
import org.sahay.TokenClient;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardBrowserIntegrationTest extends ChromiumTest {

  @Autowired private Organisations organisations;

  /**
   * Each dashboard (the collective's, its mentor's, its funder's and its network's) on a 360 px
   * phone and a 1280 px screen: it fits, every chart has a title and a description, and each
   * chart's values are the very numbers of the table below it. A screenshot of each is kept in
   * target/screenshots (and in -Dsahay.screenshots when asked).
   */
  @Test
  void everyDashboardFitsAPhoneAndEachChartSaysWhatItsTableSays() throws Exception {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER, Role.ORG_ADMIN);
    TokenClient api = new TokenClient(http(), http().token(leader.username(), leader.password()));
    String[] districts = {"Guntur", "Guntur", "Guntur", "Guntur", "Guntur", "Guntur", "Krishna"};
    for (int i = 0; i < districts.length; i++) {
      var response =
          api.post(
              "/api/v1/members",
              "{\"name\":\"Chart Member%d\",\"gender\":\"FEMALE\",\"yearOfBirth\":%d,\"district\":\"%s\"}"
                  .formatted(i, 1970 + 5 * i, districts[i]));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      Json.text(response.body(), "$.id");
    }
    var admin = fixtures.systemAdmin().actor();
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(admin, mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(admin, funder.id(), LinkKind.FUNDER_OF, collective.id());
    var network = fixtures.organisation(OrganisationKind.NETWORK);
    organisations.link(admin, collective.id(), LinkKind.MEMBER_OF, network.id());
    List<Fixtures.TestUser> viewers =
        List.of(
            leader,
            fixtures.user(mentor, Role.MENTOR_STAFF),
            fixtures.user(funder, Role.FUNDER_VIEWER),
            fixtures.user(network, Role.MENTOR_STAFF));
    List<String> names = List.of("collective", "mentor", "funder", "network");
    Path kept = Path.of("target", "screenshots");
    Files.createDirectories(kept);
    String wanted = System.getProperty("sahay.screenshots");
    for (int v = 0; v < viewers.size(); v++) {
      var wait = signIn(viewers.get(v));
      for (int width : new int[] {360, 1280}) {
        screen(width);
        browser.get("http://localhost:" + port + "/reports?lang=" + (width == 360 ? "te" : "en"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        Long scroll =
            (Long)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
        assertThat(scroll).as(names.get(v) + " at " + width).isLessThanOrEqualTo(width);
        List<WebElement> charts = browser.findElements(By.cssSelector("section.panel svg"));
        assertThat(charts).as(names.get(v) + " charts").hasSizeGreaterThan(5);
        for (WebElement panel : browser.findElements(By.cssSelector("section.panel"))) {
          List<WebElement> svg = panel.findElements(By.tagName("svg"));
          if (svg.isEmpty()) {
            continue;
          }
          String title =
              (String)
                  ((JavascriptExecutor) browser)
                      .executeScript(
                          "return arguments[0].querySelector('title').textContent", svg.get(0));
          assertThat(title).isEqualTo(panel.findElement(By.tagName("h2")).getText());
          assertThat(svg.get(0).getAttribute("aria-labelledby")).contains("-desc");
          assertThat(barValues(svg.get(0))).isEqualTo(tableValues(panel));
        }
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        String file = "reports-" + names.get(v) + "-" + width + ".png";
        Files.write(kept.resolve(file), png);
        if (wanted != null && !wanted.isBlank()) {
          Files.write(Path.of(wanted).resolve(file), png);
        }
      }
      browser.manage().deleteAllCookies();
    }
  }

  private List<String> barValues(WebElement svg) {
    @SuppressWarnings("unchecked")
    List<String> values =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Array.from(arguments[0].querySelectorAll('text.bar-value'))"
                        + ".map(t => t.textContent)",
                    svg);
    return values;
  }

  private static List<String> tableValues(WebElement panel) {
    List<String> values = new ArrayList<>();
    for (WebElement cell : panel.findElements(By.cssSelector("tbody tr:not(.total) td.num"))) {
      values.add(cell.getAttribute("textContent"));
    }
    return values;
  }
}
