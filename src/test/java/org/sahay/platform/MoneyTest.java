package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsSubtractsAndMultipliesInPaise() {
    Money kit = Money.parse("450.50");
    assertThat(kit.paise()).isEqualTo(45050);
    assertThat(kit.times(3)).isEqualTo(Money.ofPaise(135150));
    assertThat(kit.plus(Money.ofRupees(1)).minus(Money.ofPaise(50))).isEqualTo(Money.ofRupees(451));
    assertThat(Money.ZERO.minus(kit).isNegative()).isTrue();
  }

  @Test
  void parsesIndianGroupingAndRefusesFractionsOfPaise() {
    assertThat(Money.parse("₹ 23,00,000")).isEqualTo(Money.ofRupees(2_300_000));
    assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.parse(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnExponentAtOnceInsteadOfWritingOutItsDigits() {
    // Found by fuzzing the donation statement import: BigDecimal took this and a request thread
    // then spent minutes on 10^99999999.
    assertThatThrownBy(() -> Money.parse("1e99999999"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.parse("1E+5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.parse("12345678901234567"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.parse(".5")).isEqualTo(Money.ofPaise(50));
    assertThat(Money.parse("2500.")).isEqualTo(Money.ofRupees(2500));
  }

  @Test
  void refusesToOverflowSilently() {
    assertThatThrownBy(() -> Money.ofPaise(Long.MAX_VALUE).plus(Money.ofPaise(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void formatsWithIndianGroupingInEveryLanguage() {
    Money amount = Money.ofRupees(2_300_000);
    assertThat(IndianFormats.money(amount, Language.EN)).isEqualTo("₹23,00,000");
    for (Language language : Language.values()) {
      assertThat(IndianFormats.money(amount, language)).contains("23,00,000").contains("₹");
    }
    assertThat(IndianFormats.money(Money.parse("1234567.5"), Language.EN))
        .isEqualTo("₹12,34,567.50");
    assertThat(IndianFormats.number(10_000_000, Language.TE)).isEqualTo("1,00,00,000");
  }

  @Test
  void formatsDatesInTheUsersLanguage() {
    var date = java.time.LocalDate.of(2026, 11, 28);
    assertThat(IndianFormats.date(date, Language.EN)).contains("2026").contains("Nov");
    assertThat(IndianFormats.date(date, Language.TE)).contains("2026").contains("నవం");
    assertThat(IndianFormats.date(date, Language.HI)).contains("नव॰");
  }
}
