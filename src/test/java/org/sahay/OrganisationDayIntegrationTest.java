package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;

/**
 * A collective's "today" is the date where it is, not the server's UTC date (issue 12 item 9): the
 * dates forms fill in, and the date a date of birth may not pass. Two zones 25 hours apart: at any
 * moment at least one of them has another date than UTC, so the test bites at any hour.
 */
class OrganisationDayIntegrationTest extends IntegrationTest {

  private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago");

  @Test
  void formsFillInTheCollectivesTodayAndADateOfBirthMayBeItsToday() {
    for (String zone : ZONES) {
      var collective = fixtures.organisation(OrganisationKind.COLLECTIVE, zone);
      var admin = fixtures.user(collective, Role.ORG_ADMIN, Role.LEADER);
      Http http = http();
      http.signIn(admin.username(), admin.password());
      String today = LocalDate.now(ZoneId.of(zone)).toString();
      for (String page : List.of("/funds/expenses/new", "/funds/campaigns/new")) {
        assertThat(http.get(page).body()).as(zone + " " + page).contains("value=\"" + today + "\"");
      }
      String token = http().token(admin.username(), admin.password());
      var born =
          http()
              .postJson(
                  "/api/v1/members",
                  "{\"name\":\"Synthetic Newborn\",\"gender\":\"FEMALE\",\"district\":\"Guntur\",\"dateOfBirth\":\"%s\"}"
                      .formatted(today),
                  "Authorization",
                  Http.bearer(token));
      assertThat(born.statusCode()).as(zone + " " + born.body()).isEqualTo(201);
      String tomorrow = LocalDate.now(ZoneId.of(zone)).plusDays(1).toString();
      var unborn =
          http()
              .postJson(
                  "/api/v1/members",
                  "{\"name\":\"Synthetic Unborn\",\"gender\":\"FEMALE\",\"district\":\"Guntur\",\"dateOfBirth\":\"%s\"}"
                      .formatted(tomorrow),
                  "Authorization",
                  Http.bearer(token));
      assertThat(unborn.statusCode()).as(zone).isEqualTo(400);
    }
  }
}
