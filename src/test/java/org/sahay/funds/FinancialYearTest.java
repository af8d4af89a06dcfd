package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialYearTest {

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "2026-03-31, 2025-26",
    "2026-04-01, 2026-27",
    "2026-12-31, 2026-27",
    "2027-01-01, 2026-27",
    "1999-04-01, 1999-00",
    "2099-05-01, 2099-00"
  })
  void aDateFallsInTheYearFromAprilToMarch(LocalDate date, String label) {
    assertThat(FinancialYear.of(date).label()).isEqualTo(label);
  }

  @ParameterizedTest(name = "receipt {1} of {0}")
  @CsvSource({"2026-04-01, 1, 2026-27/000001", "2026-03-31, 123, 2025-26/000123"})
  void receiptNumbersNameTheYearAndASixDigitSequence(LocalDate date, long n, String receipt) {
    assertThat(FinancialYear.of(date).receiptNumber(n)).isEqualTo(receipt);
  }

  @ParameterizedTest
  @CsvSource({"2025, 2025-04-01, 2026-03-31"})
  void aYearRunsFromTheFirstOfAprilToTheLastOfMarch(int start, LocalDate first, LocalDate last) {
    assertThat(new FinancialYear(start).firstDay()).isEqualTo(first);
    assertThat(new FinancialYear(start).lastDay()).isEqualTo(last);
  }
}
