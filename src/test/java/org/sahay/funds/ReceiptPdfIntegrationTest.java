package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Pdfs;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReceiptPdfIntegrationTest extends IntegrationTest {

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

  private long audited(String donation) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'RECEIPT_VIEWED' and entity_id = :d")
        .param("d", donation)
        .query(Long.class)
        .single();
  }

  @Test
  void aLeaderDownloadsTheReceiptAsAPdfWithTheAmountInFiguresAndWordsAnd80g() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var adminUser = fixtures.user(collective, Role.ORG_ADMIN);
    var admin = api(adminUser);
    browser(adminUser)
        .postForm(
            "/funds/registration-80g", Map.of("registration", "AABTS1234F/80G/2025"), "/funds");
    var donation = admin.donate(admin.campaign("pdf", false), 23_00_000_00L, "2025-05-10");
    String id = FundsClient.field(donation.body(), "id");
    String number = FundsClient.field(donation.body(), "receiptNumber");
    Http leader = browser(fixtures.user(collective, Role.LEADER));

    assertThat(leader.get("/funds/donations/" + id + "/receipt").body())
        .contains("href=\"/funds/donations/" + id + "/receipt.pdf\"");
    long before = audited(id);
    var response = leader.getBytes("/funds/donations/" + id + "/receipt.pdf");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"receipt-" + number.replace('/', '-') + ".pdf\"");
    assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
    byte[] pdf = response.body();
    assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    assertThat(Pdfs.pages(pdf)).isEqualTo(1);
    assertThat(Pdfs.fonts(pdf, 1))
        .allSatisfy((name, embedded) -> assertThat(embedded).as(name).isTrue())
        .hasKeySatisfying(
            new org.assertj.core.api.Condition<>(
                name -> name.matches("[A-Z]{6}\\+NotoSans-Regular"), "a Noto Sans subset"));
    assertThat(Pdfs.pageText(pdf, 1))
        .contains(number)
        .contains("₹23,00,000")
        .contains("Rupees Twenty-Three Lakh Only")
        .contains("AABTS1234F/80G/2025")
        .contains("Asha Testdonor")
        .contains("Lockdown ration drive");
    assertThat(audited(id)).as("reading the PDF is audited").isEqualTo(before + 1);
  }

  @Test
  void aTeluguCollectivesReceiptHasTheAmountInTeluguWordsAsWellAsInEnglish() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    jdbc.sql("update organisation set default_language = 'te' where id = :id")
        .param("id", collective.id().value())
        .update();
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    var donation = admin.donate(admin.campaign("te-pdf", false), 23_00_000_50L, "2025-05-10");
    String id = FundsClient.field(donation.body(), "id");
    String number = FundsClient.field(donation.body(), "receiptNumber");
    Http leader = browser(fixtures.user(collective, Role.LEADER));

    assertThat(leader.get("/funds/donations/" + id + "/receipt").body())
        .contains("ఇరవై మూడు లక్షల రూపాయలు యాభై పైసలు మాత్రమే");
    byte[] pdf = leader.getBytes("/funds/donations/" + id + "/receipt.pdf").body();

    assertThat(Pdfs.fonts(pdf, 1).keySet())
        .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSansTelugu-Regular"));
    // Shaped Telugu does not extract glyph by glyph (a conjunct is one glyph for several
    // letters), so the words are checked in the ActualText that each shaped run carries.
    assertThat(String.join("", Pdfs.actualText(pdf, 1)).replaceAll("\\s", ""))
        .contains("ఇరవైమూడులక్షలరూపాయలుయాభైపైసలుమాత్రమే")
        .contains("విరాళం");
    assertThat(Pdfs.pageText(pdf, 1))
        .contains(number)
        .contains("₹23,00,000.50")
        .contains("Rupees Twenty-Three Lakh and Fifty Paise Only");
  }

  @Test
  void anotherOrganisationGets404AndAMentorWithoutDonorAccess403() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Organisation mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    var admin = api(fixtures.user(collective, Role.ORG_ADMIN));
    var donation = admin.donate(admin.campaign("private", false), 50_000, "2025-05-10");
    String path = "/funds/donations/" + FundsClient.field(donation.body(), "id") + "/receipt.pdf";

    var stranger =
        browser(fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN))
            .get(path);
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("Asha").doesNotContain("%PDF");
    assertThat(browser(fixtures.user(mentor, Role.MENTOR_STAFF)).get(path).statusCode())
        .isEqualTo(403);
    assertThat(http().get(path).statusCode()).isIn(302, 401);
  }
}
