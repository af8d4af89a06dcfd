package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class FundsPagesIntegrationTest extends IntegrationTest {

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @Autowired private JdbcClient jdbc;
  @Autowired private Organisations organisations;

  private FundsClient api(Fixtures.TestUser user) {
    return new FundsClient(http(), http().token(user.username(), Fixtures.PASSWORD));
  }

  private Http browser(Fixtures.TestUser user) {
    Http http = http();
    http.signIn(user.username(), user.password());
    return http;
  }

  private static String campaignJson(String name, String slug, boolean transparency) {
    return """
        {"name":"%s","goal":"5,00,000","startsOn":"2025-04-01","channel":"SOCIAL_MEDIA",
         "slug":"%s","transparency":%s}
        """
        .formatted(name, slug, transparency);
  }

  @Test
  void thePublicPageShowsNoPersonalDataSuppressesSmallCountsAndSetsNoCookie() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    String campaign = admin.campaign("open", false);
    String slug = FundsClient.field(admin.get("/api/v1/campaigns/" + campaign).body(), "slug");
    for (int i = 0; i < 3; i++) {
      assertThat(admin.donate(campaign, 1_00_000_00L, "2025-05-10").statusCode()).isEqualTo(201);
    }
    assertThat(admin.expense(admin.fundOf(campaign), 50_000_00L).statusCode()).isEqualTo(201);

    HttpResponse<String> page = http().get("/p/campaigns/" + slug);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Lockdown ration drive")
        .contains("₹3,00,000")
        .contains("<dd class=\"donations\">fewer than 5</dd>")
        .contains("<dd class=\"people\">fewer than 5</dd>")
        .contains("₹50,000")
        .contains("Food and rations")
        .doesNotContain("Asha")
        .doesNotContain("asha@example.org")
        .doesNotContain("Kirana")
        .doesNotContain("_csrf");
    assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

    for (int i = 0; i < 4; i++) {
      admin.donate(campaign, 100_00L, "2025-05-11");
    }
    assertThat(http().get("/p/campaigns/" + slug).body())
        .contains("<dd class=\"donations\">7</dd>");
  }

  @Test
  void thePublicPageIsInTheOrganisationsLanguageToo() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    jdbc.sql("update organisation set default_language = 'te' where id = :id")
        .param("id", collective.id().value())
        .update();
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    String slug = "telugu-" + System.nanoTime();
    admin.post("/api/v1/campaigns", campaignJson("Relief", slug, true));
    String body = http().get("/p/campaigns/" + slug).body();
    assertThat(body).contains("lang=\"te\"").contains("5 కంటే తక్కువ").contains("fewer than 5");
  }

  @Test
  void aCampaignThatDidNotOptInHasNoPublicPage() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    String slug = "closed-" + System.nanoTime();
    assertThat(admin.post("/api/v1/campaigns", campaignJson("Closed", slug, false)).statusCode())
        .isEqualTo(201);
    var closed = http().get("/p/campaigns/" + slug);
    assertThat(closed.statusCode()).isEqualTo(404);
    assertThat(closed.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(http().get("/p/campaigns/no-such-campaign").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherOrganisationGets404OnEveryFundsPage() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var owner = fixtures.user(ours, Role.ORG_ADMIN);
    var admin = api(owner);
    String campaign = admin.campaign("ours", false);
    var donation = admin.donate(campaign, 50_000, "2025-05-10");
    String donationId = FundsClient.field(donation.body(), "id");
    String entry = FundsClient.field(donation.body(), "journalEntryId");
    var expense = admin.expense(admin.fundOf(campaign), 100);
    String expenseId = FundsClient.field(expense.body(), "id");
    browser(owner)
        .postFile("/funds/expenses/" + expenseId + "/proof", "file", "bill.png", PNG, "/funds");

    var stranger =
        browser(fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN));
    String q = "?organisation=" + ours.id();
    for (String path :
        List.of(
            "/funds" + q,
            "/funds/campaigns/" + campaign,
            "/funds/campaigns/" + campaign + "/donations/new",
            "/funds/campaigns/" + campaign + "/donors",
            "/funds/campaigns/" + campaign + "/donors?format=csv",
            "/funds/campaigns/" + campaign + "/import",
            "/funds/donations/" + donationId + "/receipt",
            "/funds/entries/" + entry + "/reverse",
            "/funds/expenses" + q,
            "/funds/expenses/" + expenseId + "/proof",
            "/funds/grants" + q,
            "/funds/reports/trial-balance" + q,
            "/funds/reports/trial-balance" + q + "&format=xlsx",
            "/funds/reports/funds" + q,
            "/funds/reports/monthly" + q)) {
      var response = stranger.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Asha");
    }
    var post =
        stranger.postForm(
            "/funds/campaigns/" + campaign + "/donations",
            Map.of("amount", "100", "receivedOn", "2025-05-10", "channel", "CASH"),
            "/funds/expenses");
    assertThat(post.statusCode()).isEqualTo(404);
    var reverse =
        stranger.postForm(
            "/funds/entries/" + entry + "/reverse", Map.of("reason", "x"), "/funds/expenses");
    assertThat(reverse.statusCode()).isEqualTo(404);
    var upload =
        stranger.postFile(
            "/funds/expenses/" + expenseId + "/proof", "file", "x.png", PNG, "/funds/expenses");
    assertThat(upload.statusCode()).isEqualTo(404);
    var imported =
        stranger.postFile(
            "/funds/campaigns/" + campaign + "/import",
            "file",
            "s.csv",
            "date,amount,reference\n".getBytes(StandardCharsets.UTF_8),
            "/funds/expenses");
    assertThat(imported.statusCode()).isEqualTo(404);
    // A body of the wrong type is refused (415) before anything is looked up, so the answer is
    // the same for another collective's campaign as for one that does not exist.
    var outsider =
        api(fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN));
    assertThat(
            outsider.post("/api/v1/campaigns/" + campaign + "/donations/import", "").statusCode())
        .isEqualTo(
            outsider
                .post("/api/v1/campaigns/" + java.util.UUID.randomUUID() + "/donations/import", "")
                .statusCode());
  }

  @Test
  void aLeaderRecordsADonationInTheFormAndPrintsItsReceiptWithTheAmountInWords() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String campaign = admin.campaign("receipt", false);
    Http adminBrowser = browser(adminUser);
    assertThat(
            adminBrowser
                .postForm(
                    "/funds/registration-80g",
                    Map.of("registration", "AABTS1234F/80G/2025"),
                    "/funds")
                .statusCode())
        .isEqualTo(302);

    Http leader = browser(fixtures.user(collective, Role.LEADER));
    assertThat(leader.get("/").body()).contains("href=\"/funds\"");
    assertThat(leader.get("/funds").body())
        .contains("Lockdown ration drive")
        .doesNotContain("f-registration");
    Map<String, String> form = new HashMap<>();
    form.put("amount", "");
    form.put("receivedOn", "2025-05-10");
    form.put("channel", "CASH");
    form.put("accountId", "");
    form.put("donorName", "Meena Testdonor");
    String formPage = "/funds/campaigns/" + campaign + "/donations/new";
    var refused = leader.postForm("/funds/campaigns/" + campaign + "/donations", form, formPage);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"f-amount-error\"")
        .contains("value=\"Meena Testdonor\"");

    form.put("amount", "23,00,000.50");
    var saved = leader.postForm("/funds/campaigns/" + campaign + "/donations", form, formPage);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String receipt =
        saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    String page = leader.get(receipt).body();
    assertThat(page)
        .contains("Donation receipt")
        .contains("₹23,00,000.50")
        .contains("Rupees Twenty-Three Lakh and Fifty Paise Only")
        .contains("Meena Testdonor")
        .contains("AABTS1234F/80G/2025")
        .contains("Cash");
    assertThat(leader.get("/funds/campaigns/" + campaign).body()).contains("Meena Testdonor");
  }

  /**
   * The page forms bind the API's records: a count typed as words comes back as typed with its
   * message, a box turns the API's "restricted" round, and nothing is saved until the form is
   * right.
   */
  @Test
  void pageFormsShowWhatWasTypedAndSaveOnlyWhatIsRight() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String appeal = admin.campaign("pageform", false);
    String fund = admin.fundOf(appeal);
    admin.donate(appeal, 50_000_00, "2025-05-01");
    Http browser = browser(adminUser);

    Map<String, String> expense = new HashMap<>();
    expense.put("fundId", fund);
    expense.put("accountId", "");
    expense.put("category", "FOOD_AND_RATIONS");
    expense.put("payee", "Ration shop");
    expense.put("amount", "1,200");
    expense.put("spentOn", "2025-05-02");
    expense.put("bought", "rice and dal");
    expense.put("peopleReached", "many");
    var refused = browser.postForm("/funds/expenses", expense, "/funds/expenses/new");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("value=\"many\"")
        .contains("f-peopleReached-error")
        .contains("value=\"rice and dal\"");
    assertThat(browser.get("/funds/expenses").body()).doesNotContain("Ration shop");

    expense.put("peopleReached", "12");
    var saved = browser.postForm("/funds/expenses", expense, "/funds/expenses/new");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

    Map<String, String> campaign = new HashMap<>();
    campaign.put("name", "Open purpose appeal");
    campaign.put("goal", "1,00,000");
    campaign.put("startsOn", "2025-06-01");
    campaign.put("endsOn", "2025-12-31");
    campaign.put("partners", "Forum one\n\n  Forum two  ");
    campaign.put("channel", "CROWDFUNDING_PLATFORM");
    campaign.put("beneficiaryGroup", "members");
    campaign.put("slug", "open-" + System.nanoTime());
    campaign.put("unrestricted", "true");
    var created = browser.postForm("/funds/campaigns", campaign, "/funds/campaigns/new");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String id =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst(".*/funds/campaigns/", "");
    var json = admin.get("/api/v1/campaigns/" + id).body();
    assertThat(Json.flag(json, "$.restricted")).isFalse();
    assertThat(Json.list(json, "$.partners")).containsExactly("Forum one", "Forum two");
  }

  @Test
  void exportsNeutraliseFormulaInjection() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String slug = "formula-" + System.nanoTime();
    var created = admin.post("/api/v1/campaigns", campaignJson("=HYPERLINK(1)", slug, false));
    String campaign = FundsClient.field(created.body(), "id");
    admin.post(
        "/api/v1/campaigns/" + campaign + "/donations",
        """
        {"amountPaise":10000,"receivedOn":"2025-05-10","channel":"CASH","donorName":"@SUM(A1)",
         "donorContact":"+91 90000 00000"}
        """);
    Http http = browser(adminUser);
    var donors = http.get("/funds/campaigns/" + campaign + "/donors?format=csv");
    assertThat(donors.statusCode()).isEqualTo(200);
    assertThat(donors.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(donors.body()).contains("'@SUM(A1)").contains("'+91 90000 00000").contains("100.00");
    var funds = http.get("/funds/reports/funds?format=csv");
    assertThat(funds.body()).contains("'=HYPERLINK(1)").doesNotContain(",=HYPERLINK");
    var xlsx = http.get("/funds/reports/trial-balance?format=xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("X-Sahay-Export").orElseThrow())
        .contains(adminUser.username());
    assertThat(http.get("/funds/reports/trial-balance").body())
        .contains("₹100")
        .contains("Debits equal credits");
    assertThat(http.get("/funds/reports/monthly").body()).contains("2025-05");
  }

  @Test
  void theSameStatementImportedFourTimesAtOnceRecordsEachDonationOnce() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String campaign = admin.campaign("twice", false);
    StringBuilder csv = new StringBuilder("Date,Amount,Reference\n");
    for (int i = 0; i < 20; i++) {
      csv.append("2025-05-10,").append(100 + i).append(",UTR-TWICE-").append(i).append('\n');
    }
    String token = http().token(adminUser.username(), Fixtures.PASSWORD);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    var start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return http()
                    .postBytes(
                        "/api/v1/campaigns/" + campaign + "/donations/import",
                        "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.bearer(token))
                    .body();
              }));
    }
    start.countDown();
    int recorded = 0;
    for (var answer : answers) {
      String body = answer.get();
      var m = java.util.regex.Pattern.compile("\"recorded\":(\\d+)").matcher(body);
      assertThat(m.find()).as(body).isTrue();
      recorded += Integer.parseInt(m.group(1));
      assertThat(body).doesNotContain("REFUSED");
    }
    pool.shutdown();
    assertThat(recorded).as("each line recorded by exactly one of the four imports").isEqualTo(20);
    assertThat(
            jdbc.sql(
                    "select count(*) from donation where organisation_id = :o"
                        + " and reference like 'UTR-TWICE-%'")
                .param("o", collective.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(20);
  }

  @Test
  void theImportSkipsKnownReferencesAndExplainsBadRows() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String campaign = admin.campaign("import", false);
    String csv =
        "Date,Amount,Reference,Donor,Mode\n"
            + "10/05/2025,2500,UTR001,Asha Testdonor,cash\n"
            + "2025-05-11,lots,UTR002,,cash\n"
            + "11-05-2025,100,UTR001,,cash\n"
            + "31/13/2025,100,UTR003,,cash\n"
            + "2025-05-12,300,,,cash\n";
    String token = http().token(adminUser.username(), Fixtures.PASSWORD);
    var first =
        http()
            .postBytes(
                "/api/v1/campaigns/" + campaign + "/donations/import",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                Http.bearer(token));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"recorded\":1")
        .contains("\"skipped\":1")
        .contains("\"invalid\":3")
        .contains("REPEATED_IN_FILE")
        .contains("amount: Enter an amount")
        .contains("receivedOn: Enter a date")
        .doesNotContain("Asha");
    var again =
        http()
            .postBytes(
                "/api/v1/campaigns/" + campaign + "/donations/import",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                Http.bearer(token),
                "Accept-Language",
                "hi");
    assertThat(again.body())
        .contains("\"recorded\":0")
        .contains("KNOWN_REFERENCE")
        .contains("रुपयों");
    assertThat(admin.get("/api/v1/campaigns/" + campaign + "/donations").body())
        .contains("\"reference\":\"UTR001\"")
        .doesNotContain("UTR002");

    Http page = browser(adminUser);
    String more = "date,amount,reference\n2025-05-13,700,UTR009\n2025-05-13,700,UTR001\n";
    var report =
        page.postFile(
            "/funds/campaigns/" + campaign + "/import",
            "file",
            "statement.csv",
            more.getBytes(StandardCharsets.UTF_8),
            "/funds/campaigns/" + campaign + "/import");
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body())
        .contains("1 recorded, 1 skipped as already recorded, 0 with problems.")
        .contains("Skipped: reference already recorded");

    String bank = "Txn Posted,Cr Amt,Bank Ref\n2025-05-14,900,UTR010\n";
    String importPage = "/funds/campaigns/" + campaign + "/import";
    var unknown =
        page.postFile(
            importPage, "file", "bank.csv", bank.getBytes(StandardCharsets.UTF_8), importPage);
    assertThat(unknown.body())
        .contains("The header row needs columns for date, amount and reference.")
        .contains("<span class=\"tag\">Cr Amt</span>");
    var mapped =
        page.postFile(
            importPage + "?dateColumn=Txn+Posted&amountColumn=Cr+Amt&referenceColumn=Bank+Ref",
            "file",
            "bank.csv",
            bank.getBytes(StandardCharsets.UTF_8),
            importPage);
    assertThat(mapped.body()).contains("1 recorded, 0 skipped as already recorded");
  }

  @Test
  void aProofIsStoredEncryptedAndOnlyAdminsDownloadIt() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    String campaign = admin.campaign("proof", false);
    admin.donate(campaign, 100_000, "2025-05-10");
    String expense = FundsClient.field(admin.expense(admin.fundOf(campaign), 1_000).body(), "id");
    Http http = browser(adminUser);
    byte[] pdf =
        "%PDF-1.4\nsynthetic bill: Kirana store, 10 ration kits\n%%EOF"
            .getBytes(StandardCharsets.UTF_8);
    var upload =
        http.postFile(
            "/funds/expenses/" + expense + "/proof", "file", "bill.pdf", pdf, "/funds/expenses");
    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(http.get("/funds/expenses").body()).contains("The proof was stored, encrypted.");

    byte[] stored =
        jdbc.sql("select content from expense_proof where expense_id = :id")
            .param("id", java.util.UUID.fromString(expense))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    String storedText = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(storedText).doesNotContain("%PDF").doesNotContain("Kirana").doesNotContain("JVBER");
    var download = http.get("/funds/expenses/" + expense + "/proof");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(download.body()).contains("synthetic bill: Kirana store");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'EXPENSE_PROOF_READ' and entity_id = :t")
                .param("t", expense)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Http leader = browser(fixtures.user(collective, Role.LEADER));
    assertThat(leader.get("/funds/expenses/" + expense + "/proof").statusCode()).isEqualTo(403);

    byte[] big = Arrays.copyOf(PNG, ExpenseProofs.MAX_BYTES + 1);
    http.postFile(
        "/funds/expenses/" + expense + "/proof", "file", "big.png", big, "/funds/expenses");
    assertThat(http.get("/funds/expenses").body()).contains("larger than 5 MB");
    http.postFile(
        "/funds/expenses/" + expense + "/proof",
        "file",
        "fake.pdf",
        "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8),
        "/funds/expenses");
    assertThat(http.get("/funds/expenses").body()).contains("is not a photo");
    assertThat(http.get("/funds/expenses/" + expense + "/proof").body()).contains("synthetic bill");
  }

  @Test
  void aMentorSeesReportsButNotDonorsAndAFunderOnlyItsGrants() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Organisation mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    String campaign = admin.campaign("mentored", false);
    var donation = admin.donate(campaign, 50_000, "2025-05-10");
    Http staff = browser(fixtures.user(mentor, Role.MENTOR_STAFF));
    String q = "?organisation=" + collective.id();
    assertThat(staff.get("/funds").body()).contains("/funds?organisation=" + collective.id());
    assertThat(staff.get("/funds/reports/trial-balance" + q).statusCode()).isEqualTo(200);
    assertThat(staff.get("/funds/campaigns/" + campaign).body()).doesNotContain("Asha");
    assertThat(staff.get("/funds/campaigns/" + campaign + "/donors").statusCode()).isEqualTo(403);
    assertThat(
            staff
                .get("/funds/donations/" + FundsClient.field(donation.body(), "id") + "/receipt")
                .statusCode())
        .isEqualTo(403);
  }
}
