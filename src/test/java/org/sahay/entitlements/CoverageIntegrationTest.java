package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CoverageIntegrationTest extends IntegrationTest {

  private static final String AADHAAR = "{\"type\":\"AADHAAR\",\"number\":\"0123\"}";
  private static final String BANK = "{\"type\":\"BANK_ACCOUNT\",\"number\":\"4567\"}";
  private static final String RATION = "{\"type\":\"RATION_CARD\",\"status\":\"HAVE\"}";

  @Autowired private Organisations organisations;
  @Autowired private CoverageSnapshots snapshots;
  @Autowired private JdbcClient jdbc;

  /** A member of staff of a new mentor of the collective. */
  private org.sahay.Fixtures.TestUser mentorStaffOf(
      org.sahay.organisations.Organisation collective) {
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, collective.id());
    return fixtures.user(mentor, Role.MENTOR_STAFF);
  }

  /**
   * Seven members, six in Guntur: the collective sees exact counts and shares per district; its
   * mentor and funder see counts with those under five suppressed and no drive outcomes; anyone
   * else is told there is nothing there.
   */
  @Test
  void ownPeopleSeeExactSharesAndMentorsAndFundersSeeSuppressedCounts() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    leader.member("Cov One", AADHAAR, BANK);
    leader.member("Cov Two", AADHAAR, BANK);
    leader.member("Cov Three", AADHAAR, RATION);
    leader.member("Cov Four");
    leader.member("Cov Five");
    String six = leader.member("Cov Six", AADHAAR);
    leader.memberIn("Prakasam", "Cov Seven", AADHAAR);
    assertThat(leader.record(six, leader.scheme("PMJDY"), "GRANTED", null).statusCode())
        .isEqualTo(200);

    String own = leader.get("/api/v1/coverage").body();
    assertThat(Json.flag(own, "$.exact")).isTrue();
    assertThat(Json.number(own, "$.total.members.value")).isEqualTo(7);
    assertThat(Json.number(own, "$.total.holding.AADHAAR.value")).isEqualTo(5);
    assertThat(Json.number(own, "$.total.percent.AADHAAR")).isEqualTo(71);
    assertThat(Json.number(own, "$.total.holding.BANK_ACCOUNT.value")).isEqualTo(3);
    assertThat(Json.list(own, "$.districts[?(@.district == 'Guntur')].members.value"))
        .containsExactly(6);
    assertThat(Json.list(own, "$.districts[?(@.district == 'Guntur')].percent.RATION_CARD"))
        .containsExactly(17);
    assertThat(Json.list(own, "$.granted[*].document")).containsExactly("BANK_ACCOUNT");
    assertThat(Json.list(own, "$.granted[*].count.value")).containsExactly(1);

    var staff = mentorStaffOf(collective);
    Entitled mentorStaff = new Entitled(http(), http().token(staff.username(), staff.password()));
    String theirs = mentorStaff.get("/api/v1/coverage?organisation=" + collective.id()).body();
    assertThat(Json.flag(theirs, "$.exact")).isFalse();
    assertThat(Json.number(theirs, "$.total.members.value")).isEqualTo(7);
    assertThat(Json.number(theirs, "$.total.holding.AADHAAR.value")).isEqualTo(5);
    assertThat(Json.object(theirs, "$.total.holding.BANK_ACCOUNT"))
        .containsEntry("value", null)
        .containsEntry("fewerThanFive", true);
    assertThat(Json.object(theirs, "$.total.percent")).isEmpty();
    assertThat(Json.list(theirs, "$.districts[?(@.district == 'Prakasam')].members.value"))
        .containsExactly((Object) null);
    assertThat(Json.list(theirs, "$.districts[?(@.district == 'Guntur')].members.withheld"))
        .as("six in Guntur would give away Prakasam's one beside the total of seven")
        .containsExactly(true);
    String doses =
        mentorStaff.get("/api/v1/vaccinations/coverage?organisation=" + collective.id()).body();
    assertThat(Json.flag(doses, "$.districts.Guntur[0].withheld"))
        .as("nor may vaccination coverage show the six that this page withholds")
        .isTrue();
    assertThat(theirs).doesNotContain("Cov ");

    Http browser = http();
    browser.signIn(staff.username(), staff.password());
    String page = browser.get("/entitlements/coverage").body();
    assertThat(page).contains(collective.name(), "fewer than 5", "id=\"coverage-total\"");

    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    var viewer = fixtures.user(funder, Role.FUNDER_VIEWER);
    Entitled funderViewer =
        new Entitled(http(), http().token(viewer.username(), viewer.password()));
    assertThat(funderViewer.get("/api/v1/coverage?organisation=" + collective.id()).statusCode())
        .isEqualTo(200);

    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.MENTOR), Role.MENTOR_STAFF);
    Entitled other = new Entitled(http(), http().token(stranger.username(), stranger.password()));
    assertThat(other.get("/api/v1/coverage?organisation=" + collective.id()).statusCode())
        .isEqualTo(404);
  }

  /**
   * Coverage over time: the nightly snapshot writes this month's row per district, once however
   * often it runs; earlier months come from their rows and this month is live. A list sent to an
   * office shows how many were on it and how many the office supplied; its mentor sees the counts
   * suppressed and not the list's title.
   */
  @Test
  void coverageShowsMonthsPerDistrictAndWhatCameOfTheListsSent() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var user = fixtures.user(collective, Role.LEADER);
    Entitled leader = new Entitled(http(), http().token(user.username(), user.password()));
    String one = leader.member("Trend One", AADHAAR);
    leader.member("Trend Two");
    leader.memberIn("Krishna", "Trend Three", AADHAAR, RATION);

    assertThat(snapshots.take()).isPositive();
    assertThat(snapshots.take()).isPositive();
    assertThat(
            jdbc.sql("select count(*) from coverage_snapshot where organisation_id = :org")
                .param("org", collective.id().value())
                .query(Long.class)
                .single())
        .as("one row per district and month, however often it runs")
        .isEqualTo(2);
    YearMonth now = YearMonth.from(LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")));
    jdbc.sql(
            """
            insert into coverage_snapshot (organisation_id, for_month, district, members, ration_card,
              bank_account, aadhaar, voter_id, taken_at)
            values (:org, :month, 'Guntur', 1, 0, 0, 0, 0, current_timestamp)
            """)
        .param("org", collective.id().value())
        .param("month", now.minusMonths(1).atDay(1))
        .update();

    String own = leader.get("/api/v1/coverage").body();
    assertThat(Json.list(own, "$.trend[?(@.row.district == 'Guntur')].month"))
        .containsExactly(now.minusMonths(1).toString(), now.toString());
    assertThat(Json.list(own, "$.trend[?(@.row.district == 'Guntur')].row.members.value"))
        .containsExactly(1, 2);
    assertThat(Json.list(own, "$.trend[?(@.row.district == 'Guntur')].row.percent.AADHAAR"))
        .containsExactly(0, 50);
    assertThat(Json.list(own, "$.trend[?(@.row.district == 'Krishna')].month"))
        .containsExactly(now.toString());

    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    organisations.link(
        fixtures.systemAdmin().actor(), office.id(), LinkKind.LIAISES_WITH, collective.id());
    var officer = fixtures.user(office, Role.DISTRICT_LIAISON);
    Entitled liaison = new Entitled(http(), http().token(officer.username(), officer.password()));
    leader.post(
        "/api/v1/members/" + one + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");
    var made =
        leader.post(
            "/api/v1/beneficiary-lists",
            """
            {"template":"1157e000-0000-4000-8000-000000000001","office":"%s",
             "title":"Synthetic ration list","codes":["%s"]}
            """
                .formatted(
                    office.id(), Json.text(leader.get("/api/v1/members/" + one).body(), "$.code")));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String list = Json.text(made.body(), "$.list.id");
    String before = leader.get("/api/v1/coverage").body();
    assertThat(Json.list(before, "$.lists[*].supplied.value")).containsExactly(0);
    assertThat(Json.list(before, "$.lists[*].acknowledged")).containsExactly(false);
    assertThat(
            liaison
                .post("/api/v1/beneficiary-lists/" + list + "/rows/1/supplied", "{}")
                .statusCode())
        .isLessThan(300);
    String after = leader.get("/api/v1/coverage").body();
    assertThat(Json.list(after, "$.lists[*].title")).containsExactly("Synthetic ration list");
    assertThat(Json.list(after, "$.lists[*].office")).containsExactly(office.name());
    assertThat(Json.list(after, "$.lists[*].rows.value")).containsExactly(1);
    assertThat(Json.list(after, "$.lists[*].supplied.value")).containsExactly(1);

    var staff = mentorStaffOf(collective);
    Entitled mentorStaff = new Entitled(http(), http().token(staff.username(), staff.password()));
    String theirs = mentorStaff.get("/api/v1/coverage?organisation=" + collective.id()).body();
    assertThat(theirs).doesNotContain("Synthetic ration list", "Trend ");
    assertThat(Json.list(theirs, "$.lists[*].rows.fewerThanFive")).containsExactly(true);
    assertThat(Json.list(theirs, "$.trend[?(@.row.district == 'Guntur')].row.members.value"))
        .containsExactly(null, null);

    Http browser = http();
    browser.signIn(user.username(), user.password());
    assertThat(browser.get("/entitlements/coverage").body())
        .contains("id=\"coverage-trend\"", "Synthetic ration list", "1 on the list, 1 supplied");
  }
}
