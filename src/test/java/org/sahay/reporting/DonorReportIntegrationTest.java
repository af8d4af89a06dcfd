package org.sahay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Pdfs;
import org.sahay.access.Role;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.funds.InstalmentInput;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DonorReportIntegrationTest extends IntegrationTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

  @Autowired private Organisations organisations;
  @Autowired private Grants grants;
  @Autowired private Expenses expenses;
  @Autowired private JdbcClient jdbc;
  @Autowired private org.sahay.funds.Ledger ledger;

  /**
   * A grant's donor report: the instalment and the spending of these months by category with the
   * people reached, as a page, a PDF and an XLSX, each audited. The leader writes the narrative; a
   * second save over the same version is refused with the other text shown, nothing lost. The
   * funder reads the report, with the same money, but cannot write, and sees no count below five.
   */
  @Test
  void aGrantsDonorReportShowsMoneyAndNarrativeAndIsReadByItsFunderOnly() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.ORG_ADMIN, Role.LEADER);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    Grant grant =
        done(
            grants.create(
                leader.actor(),
                new GrantInput(
                    funder.id().toString(),
                    "Lockdown rations grant",
                    1_000_000L,
                    null,
                    TODAY.minusMonths(2).toString(),
                    TODAY.plusMonths(6).toString(),
                    List.of("rations"),
                    false)));
    var bank =
        done(
            ledger.addBankAccount(
                leader.actor(), new org.sahay.funds.BankAccountInput("SBI", false)));
    done(
        grants.receiveInstalment(
            leader.actor(),
            grant.id(),
            new InstalmentInput(
                600_000L, null, TODAY.toString(), bank.id().value().toString(), "UTR-1")));
    done(
        expenses.record(
            leader.actor(),
            new ExpenseInput(
                grant.fundId().value().toString(),
                bank.id().value().toString(),
                "FOOD_AND_RATIONS",
                "Kirana store",
                250_000L,
                null,
                TODAY.toString(),
                "ration kits",
                12,
                null)));

    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    String path = "/reports/donor/grants/" + grant.id().value();
    String page = browser.get(path).body();
    assertThat(page)
        .contains("Lockdown rations grant", "₹6,000", "₹2,500", "₹3,500", "Food and rations", "12");
    assertThat(page).contains("name=\"body\"");

    String query =
        "?from="
            + TODAY.minusMonths(2).toString().substring(0, 7)
            + "&to="
            + TODAY.toString().substring(0, 7);
    browser.postForm(
        path + "/narrative" + query, Map.of("body", "Rations reached twelve families."), path);
    assertThat(browser.get(path).body())
        .contains("Rations reached twelve families.", "name=\"version\" value=\"0\"");
    browser.postForm(
        path + "/narrative" + query, Map.of("body", "A second text.", "version", "0"), path);
    assertThat(browser.get(path + query).body()).contains("The narrative is saved.");
    var stale =
        browser.postForm(
            path + "/narrative" + query, Map.of("body", "A stale text.", "version", "0"), path);
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(browser.get(path + query).body())
        .contains("narrative-problem", "A second text.", "A stale text.");
    assertThat(
            jdbc.sql("select body from donor_narrative where subject_id = :id")
                .param("id", grant.id().value())
                .query(String.class)
                .single())
        .isEqualTo("A second text.");

    var pdf = browser.getBytes(path + "/report.pdf" + query);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(
            java.util.stream.IntStream.rangeClosed(1, Pdfs.pages(pdf.body()))
                .mapToObj(n -> Pdfs.pageText(pdf.body(), n))
                .collect(java.util.stream.Collectors.joining(" ")))
        .contains("Lockdown rations grant", "A second text.", leader.username());
    var xlsx = browser.getBytes(path + "/report.xlsx" + query);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'DONOR_REPORT_EXPORTED'"
                        + " and entity_id = :id")
                .param("id", grant.id().value().toString())
                .query(Long.class)
                .single())
        .isEqualTo(2);

    var viewer = fixtures.user(funder, Role.FUNDER_VIEWER);
    Http funderBrowser = http();
    funderBrowser.signIn(viewer.username(), viewer.password());
    String theirs = funderBrowser.get(path).body();
    assertThat(theirs).contains("₹6,000", "A second text.").doesNotContain("name=\"body\"");
    assertThat(
            funderBrowser
                .postForm(path + "/narrative" + query, Map.of("body", "Funder text."), path)
                .statusCode())
        .isEqualTo(403);

    var stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.FUNDER), Role.FUNDER_VIEWER);
    Http strangerBrowser = http();
    strangerBrowser.signIn(stranger.username(), stranger.password());
    assertThat(strangerBrowser.get(path).statusCode()).isEqualTo(404);
    assertThat(strangerBrowser.get("/reports/donor/grants/not-an-id").statusCode()).isEqualTo(404);
  }

  private static <T> T done(FundsOutcome<T> outcome) {
    assertThat(outcome).isInstanceOf(FundsOutcome.Done.class);
    return ((FundsOutcome.Done<T>) outcome).value();
  }
}
