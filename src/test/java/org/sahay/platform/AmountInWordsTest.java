package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
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

  private static String te(long rupees) {
    return AmountInWords.telugu(Money.ofRupees(rupees));
  }

  private static String bn(long rupees) {
    return AmountInWords.bengali(Money.ofRupees(rupees));
  }

  @Test
  void teluguUsesLakhAndCroreInTheObliqueFormBeforeRupees() {
    assertThat(te(0)).isEqualTo("సున్నా రూపాయలు మాత్రమే");
    assertThat(te(1)).isEqualTo("ఒక రూపాయి మాత్రమే");
    assertThat(te(99)).isEqualTo("తొంభై తొమ్మిది రూపాయలు మాత్రమే");
    assertThat(te(1_00_000)).isEqualTo("ఒక లక్ష రూపాయలు మాత్రమే");
    assertThat(te(23_00_000)).isEqualTo("ఇరవై మూడు లక్షల రూపాయలు మాత్రమే");
    assertThat(te(1_00_00_000)).isEqualTo("ఒక కోటి రూపాయలు మాత్రమే");
    assertThat(te(2_00_00_000)).isEqualTo("రెండు కోట్ల రూపాయలు మాత్రమే");
    assertThat(te(12_34_56_789))
        .isEqualTo(
            "పన్నెండు కోట్ల ముప్పై నాలుగు లక్షల యాభై ఆరు వేల ఏడు వందల ఎనభై తొమ్మిది రూపాయలు మాత్రమే");
    assertThat(te(123_00_00_000L)).isEqualTo("నూట ఇరవై మూడు కోట్ల రూపాయలు మాత్రమే");
  }

  @Test
  void teluguWordsForHundredsThousandsAndTheOnesThatEndInOne() {
    assertThat(te(21)).isEqualTo("ఇరవై ఒక రూపాయలు మాత్రమే");
    assertThat(te(11)).isEqualTo("పదకొండు రూపాయలు మాత్రమే");
    assertThat(te(100)).isEqualTo("వంద రూపాయలు మాత్రమే");
    assertThat(te(150)).isEqualTo("నూట యాభై రూపాయలు మాత్రమే");
    assertThat(te(1_000)).isEqualTo("వెయ్యి రూపాయలు మాత్రమే");
    assertThat(te(2_500)).isEqualTo("రెండు వేల ఐదు వందల రూపాయలు మాత్రమే");
    assertThat(te(31_01_001)).isEqualTo("ముప్పై ఒక లక్షల వెయ్యి ఒక రూపాయలు మాత్రమే");
  }

  @Test
  void teluguPaiseFollowTheRupees() {
    assertThat(AmountInWords.telugu(Money.parse("23,00,000.50")))
        .isEqualTo("ఇరవై మూడు లక్షల రూపాయలు యాభై పైసలు మాత్రమే");
    assertThat(AmountInWords.telugu(Money.ofPaise(50))).isEqualTo("యాభై పైసలు మాత్రమే");
    assertThat(AmountInWords.telugu(Money.ofPaise(1))).isEqualTo("ఒక పైసా మాత్రమే");
  }

  @Test
  void bengaliUsesLakhAndCroreAndTheDictionaryNumberWords() {
    assertThat(bn(0)).isEqualTo("শূন্য টাকা মাত্র");
    assertThat(bn(1)).isEqualTo("এক টাকা মাত্র");
    assertThat(bn(99)).isEqualTo("নিরানব্বই টাকা মাত্র");
    assertThat(bn(1_00_000)).isEqualTo("এক লক্ষ টাকা মাত্র");
    assertThat(bn(23_00_000)).isEqualTo("তেইশ লক্ষ টাকা মাত্র");
    assertThat(bn(1_00_00_000)).isEqualTo("এক কোটি টাকা মাত্র");
    assertThat(bn(12_34_56_789))
        .isEqualTo("বারো কোটি চৌত্রিশ লক্ষ ছাপ্পান্ন হাজার সাতশত উননব্বই টাকা মাত্র");
    assertThat(bn(123_00_00_000L)).isEqualTo("একশত তেইশ কোটি টাকা মাত্র");
  }

  @Test
  void bengaliNumberWordsBelowAHundredAreTheIrregularOnes() {
    assertThat(BengaliWords.number(11)).isEqualTo("এগারো");
    assertThat(BengaliWords.number(29)).isEqualTo("উনত্রিশ");
    assertThat(BengaliWords.number(46)).isEqualTo("ছেচল্লিশ");
    assertThat(BengaliWords.number(53)).isEqualTo("তিপ্পান্ন");
    assertThat(BengaliWords.number(79)).isEqualTo("উনআশি");
    assertThat(BengaliWords.number(82)).isEqualTo("বিরাশি");
    assertThat(BengaliWords.number(600)).isEqualTo("ছয়শত");
  }

  @Test
  void bengaliPaiseFollowTheRupees() {
    assertThat(AmountInWords.bengali(Money.parse("23,00,000.50")))
        .isEqualTo("তেইশ লক্ষ টাকা পঞ্চাশ পয়সা মাত্র");
    assertThat(AmountInWords.bengali(Money.ofPaise(50))).isEqualTo("পঞ্চাশ পয়সা মাত্র");
  }

  @Test
  void everyLanguageHasWords() {
    assertThat(AmountInWords.in(Language.TE, Money.ofRupees(5))).isEqualTo("ఐదు రూపాయలు మాత్రమే");
    assertThat(AmountInWords.in(Language.BN, Money.ofRupees(5))).isEqualTo("পাঁচ টাকা মাত্র");
    assertThat(AmountInWords.in(Language.HI, Money.ofRupees(5))).isEqualTo("पाँच रुपये मात्र");
    assertThat(AmountInWords.in(Language.EN, Money.ofRupees(5))).isEqualTo("Rupees Five Only");
  }

  @Test
  void theWordsAreInNormalisedUnicodeSoThatSearchAndFontsAgree() {
    for (Language language : Language.values()) {
      String words = AmountInWords.in(language, Money.parse("96,79,46,629.29"));
      assertThat(Normalizer.isNormalized(words, Normalizer.Form.NFC)).as(words).isTrue();
    }
  }

  @Test
  void negativeAmountsAreRefused() {
    assertThatThrownBy(() -> AmountInWords.english(Money.ofPaise(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmountInWords.telugu(Money.ofPaise(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmountInWords.bengali(Money.ofPaise(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
