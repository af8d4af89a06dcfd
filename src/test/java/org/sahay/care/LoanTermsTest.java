package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exploitative loans on worked examples, at the default limit of 5% a month. */
class LoanTermsTest {

  private static final BigDecimal LIMIT = new BigDecimal("5");

  private static List<Loan.Reason> flags(
      String lender, String percent, String period, Boolean working, Boolean documents) {
    Map<String, String> errors = new LinkedHashMap<>();
    LoanTerms terms =
        LoanTerms.read(
            new Loans.LoanInput(
                "M", lender, "10000", percent, period, null, null, working, documents, null, null),
            LocalDate.of(2026, 12, 4),
            errors);
    assertThat(errors).isEmpty();
    return terms.flagged(LIMIT);
  }

  @Test
  void ratesAreComparedAsMonthlyRates() {
    assertThat(flags("MONEYLENDER", "10", "MONTH", false, false)).containsExactly(Loan.Reason.RATE);
    assertThat(flags("MONEYLENDER", "5", "MONTH", false, false)).as("at the limit").isEmpty();
    assertThat(flags("MONEYLENDER", "60", "YEAR", false, false)).as("5% a month").isEmpty();
    assertThat(flags("MONEYLENDER", "61", "YEAR", false, false)).containsExactly(Loan.Reason.RATE);
    assertThat(flags("MONEYLENDER", "3", "WEEK", false, false))
        .as("13% a month")
        .containsExactly(Loan.Reason.RATE);
    assertThat(flags("RELATIVE", "1", "WEEK", false, false)).as("4.33% a month").isEmpty();
    assertThat(flags("MONEYLENDER", "0.2", "DAY", false, false))
        .as("6.08% a month")
        .containsExactly(Loan.Reason.RATE);
    assertThat(InterestPeriod.DAY.monthly(new BigDecimal("0.2"))).isEqualByComparingTo("6.08");
    assertThat(InterestPeriod.WEEK.monthly(new BigDecimal("1"))).isEqualByComparingTo("4.33");
  }

  @Test
  void anySignOfBondageFlagsALoanWhateverItsRate() {
    assertThat(flags("BANK", "12", "YEAR", false, true))
        .containsExactly(Loan.Reason.DOCUMENTS_HELD);
    assertThat(flags("BROTHEL_KEEPER", "0", "MONTH", true, false))
        .containsExactly(Loan.Reason.WORKING_TO_REPAY);
    assertThat(flags("BROTHEL_KEEPER", "20", "MONTH", true, true))
        .containsExactly(
            Loan.Reason.RATE, Loan.Reason.WORKING_TO_REPAY, Loan.Reason.DOCUMENTS_HELD);
    assertThat(flags("SELF_HELP_GROUP", "2", "MONTH", null, null)).isEmpty();
  }

  @Test
  void wrongTermsAreSaidPerField() {
    Map<String, String> errors = new LinkedHashMap<>();
    LoanTerms.read(
        new Loans.LoanInput(
            "M", "SHARK", "-5", "lots", "FORTNIGHT", "2999-01-01", null, null, null, "HOPE", null),
        LocalDate.of(2026, 12, 4),
        errors);
    assertThat(errors)
        .containsOnlyKeys(
            "lender", "principal", "interestPercent", "interestPeriod", "startedOn", "wayOut");
  }
}
