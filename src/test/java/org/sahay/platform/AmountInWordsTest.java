package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountInWordsTest {

  private static String en(long rupees) {
    return AmountInWords.english(Money.ofRupees(rupees));
  }

  @Test
  void wholeRupeesAreWrittenInLakhAndCrore() {
    assertThat(en(0)).isEqualTo("Rupees Zero Only");
    assertThat(en(1)).isEqualTo("Rupees One Only");
    assertThat(en(99)).isEqualTo("Rupees Ninety-Nine Only");
    assertThat(en(1_00_000)).isEqualTo("Rupees One Lakh Only");
    assertThat(en(23_00_000)).isEqualTo("Rupees Twenty-Three Lakh Only");
    assertThat(en(1_00_00_000)).isEqualTo("Rupees One Crore Only");
    assertThat(en(12_34_56_789))
        .isEqualTo(
            "Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine"
                + " Only");
  }

  @Test
  void paiseFollowTheRupees() {
    assertThat(AmountInWords.english(Money.parse("23,00,000.50")))
        .isEqualTo("Rupees Twenty-Three Lakh and Fifty Paise Only");
    assertThat(AmountInWords.english(Money.ofPaise(105)))
        .isEqualTo("Rupees One and Five Paise Only");
    assertThat(AmountInWords.english(Money.ofPaise(50))).isEqualTo("Fifty Paise Only");
  }

  @Test
  void hindiUsesLakhAndCroreAndNeverArab() {
    assertThat(AmountInWords.hindi(Money.ofRupees(0))).isEqualTo("शून्य रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(1))).isEqualTo("एक रुपया मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(99))).isEqualTo("निन्यानबे रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(1_00_000))).isEqualTo("एक लाख रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(23_00_000))).isEqualTo("तेईस लाख रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(1_00_00_000))).isEqualTo("एक करोड़ रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.ofRupees(123_00_00_000L)))
        .isEqualTo("एक सौ तेईस करोड़ रुपये मात्र");
    assertThat(AmountInWords.hindi(Money.parse("23,00,000.50")))
        .isEqualTo("तेईस लाख रुपये और पचास पैसे मात्र");
  }

  @Test
  void teluguAndBengaliGetNoWordsRatherThanEnglishOnes() {
    assertThat(AmountInWords.in(Language.TE, Money.ofRupees(5))).isEmpty();
    assertThat(AmountInWords.in(Language.BN, Money.ofRupees(5))).isEmpty();
    assertThat(AmountInWords.in(Language.EN, Money.ofRupees(5))).contains("Rupees Five Only");
  }

  @Test
  void negativeAmountsAreRefused() {
    assertThatThrownBy(() -> AmountInWords.english(Money.ofPaise(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
