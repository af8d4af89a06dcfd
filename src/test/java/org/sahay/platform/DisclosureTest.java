package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTest {

  private static String shape(List<SmallCount> cells) {
    StringBuilder s = new StringBuilder();
    for (SmallCount c : cells) {
      s.append(c.fewerThanFive() ? "<5" : c.withheld() ? "x" : String.valueOf(c.value()))
          .append(' ');
    }
    return s.toString().strip();
  }

  @Test
  void aLoneSuppressedCellBesideATotalTakesTheSmallestOtherWithIt() {
    assertThat(shape(Disclosure.withTotal(new long[] {5, 2, 10}))).isEqualTo("x <5 10");
    assertThat(shape(Disclosure.withTotal(new long[] {0, 2, 10}))).isEqualTo("0 <5 x");
    assertThat(shape(Disclosure.withTotal(new long[] {3, 2, 10}))).isEqualTo("<5 <5 10");
    assertThat(shape(Disclosure.withTotal(new long[] {0, 0, 3}))).isEqualTo("0 0 <5");
    assertThat(shape(Disclosure.withTotal(new long[] {7, 6, 10}))).isEqualTo("7 6 10");
  }

  @Test
  void columnsWithTotalsAreProtectedAndRowsWithoutTotalsAreNot() {
    var shown = Disclosure.table(new long[][] {{2, 6}, {7, 8}, {9, 1}}, false, true);
    assertThat(shown.stream().map(DisclosureTest::shape)).containsExactly("<5 x", "x 8", "9 <5");
    var plain = Disclosure.table(new long[][] {{2, 6}, {7, 8}}, false, false);
    assertThat(plain.stream().map(DisclosureTest::shape)).containsExactly("<5 6", "7 8");
  }

  /**
   * With totals both ways, hiding a second cell in a column can leave a row with one hidden cell:
   * the rule repeats until no line with a shown total has a lone hidden cell.
   */
  @Test
  void secondarySuppressionRepeatsUntilNoLineGivesACellAway() {
    long[][] cells = {{3, 20, 30}, {12, 40, 50}, {15, 60, 70}};
    var shown = Disclosure.table(cells, true, true);
    for (int r = 0; r < 3; r++) {
      long hidden = shown.get(r).stream().filter(c -> c.value() == null).count();
      assertThat(hidden).as("row %d", r).isNotEqualTo(1);
    }
    for (int c = 0; c < 3; c++) {
      int column = c;
      long hidden = shown.stream().filter(row -> row.get(column).value() == null).count();
      assertThat(hidden).as("column %d", c).isNotEqualTo(1);
    }
    assertThat(shown.get(0).get(0).fewerThanFive()).isTrue();
    assertThat(shown.get(2).get(2).value()).isEqualTo(70);
  }
}
