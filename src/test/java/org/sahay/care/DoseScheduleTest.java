package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.platform.Names;
import org.sahay.registry.MemberId;

class DoseScheduleTest {

  private static final MemberId HER = MemberId.of("01a24087-4f5f-766e-80bb-1e6eea129330");
  private static final Vaccine COVAXIN =
      new Vaccine(
          "COVAXIN",
          new Names("Covaxin", null, null, null),
          3,
          List.of(Period.ofDays(28), Period.ofMonths(6)));
  private static final Vaccine TD =
      new Vaccine("TD", new Names("Td", null, null, null), 2, List.of(Period.ofMonths(1)));

  private static Dose dose(Vaccine vaccine, int number, String on) {
    return new Dose(null, HER, vaccine.code(), number, LocalDate.parse(on), null);
  }

  private static LocalDate due(Vaccine vaccine, Dose... given) {
    return DoseSchedule.next(vaccine, List.of(given)).orElseThrow().dueOn();
  }

  @Test
  void daysCountAcrossMonthEndsAndLeapDays() {
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2024-01-31"))).isEqualTo("2024-02-28");
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2024-02-01"))).isEqualTo("2024-02-29");
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2023-02-01"))).isEqualTo("2023-03-01");
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2025-12-15"))).isEqualTo("2026-01-12");
  }

  @Test
  void monthsAreCalendarMonthsEndingOnTheLastDayOfAShortMonth() {
    assertThat(due(TD, dose(TD, 1, "2024-01-31"))).as("leap year").isEqualTo("2024-02-29");
    assertThat(due(TD, dose(TD, 1, "2023-01-31"))).isEqualTo("2023-02-28");
    assertThat(due(TD, dose(TD, 1, "2024-03-31"))).isEqualTo("2024-04-30");
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2023-07-01"), dose(COVAXIN, 2, "2023-08-31")))
        .as("six months after the last day of August, in a leap year")
        .isEqualTo("2024-02-29");
    assertThat(due(COVAXIN, dose(COVAXIN, 1, "2024-07-01"), dose(COVAXIN, 2, "2024-08-31")))
        .isEqualTo("2025-02-28");
  }

  @Test
  void theNextDoseFollowsTheHighestGivenAndNoneAfterTheLast() {
    var next =
        DoseSchedule.next(
                COVAXIN,
                List.of(
                    dose(COVAXIN, 2, "2024-03-01"),
                    dose(COVAXIN, 1, "2024-02-01"),
                    dose(TD, 1, "2024-01-01")))
            .orElseThrow();
    assertThat(next.dose()).isEqualTo(3);
    assertThat(next.dueOn()).isEqualTo("2024-09-01");
    assertThat(
            DoseSchedule.next(
                COVAXIN,
                List.of(
                    dose(COVAXIN, 1, "2024-02-01"),
                    dose(COVAXIN, 2, "2024-03-01"),
                    dose(COVAXIN, 3, "2024-09-02"))))
        .isEmpty();
    assertThat(DoseSchedule.next(TD, List.of(dose(COVAXIN, 1, "2024-02-01")))).isEmpty();
  }
}
