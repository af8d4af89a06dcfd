package org.sahay.funds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.sahay.funds.AccountId;
import org.sahay.funds.JournalEntryId;
import org.sahay.platform.Ids;

class PostingTest {

  private static final AccountId CASH = new AccountId(Ids.newId());
  private static final AccountId FUND = new AccountId(Ids.newId());
  private static final LocalDate DAY = LocalDate.of(2025, 5, 1);

  @Test
  void anEntryWhoseDebitsAndCreditsDifferIsRefused() {
    assertThatThrownBy(
            () -> donation(List.of(Posting.Line.debit(CASH, 100), Posting.Line.credit(FUND, 90))))
        .hasMessageContaining("equal");
  }

  @Test
  void aLineIsOnePositiveSide() {
    assertThatThrownBy(() -> new Posting.Line(CASH, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Posting.Line(CASH, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Posting.Line.debit(CASH, -5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReversalNeedsAReason() {
    var lines = List.of(Posting.Line.debit(CASH, 100), Posting.Line.credit(FUND, 100));
    assertThatThrownBy(() -> Posting.reversal(new JournalEntryId(Ids.newId()), DAY, " ", lines))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void theMirrorOfAnyBalancedEntryIsBalancedAndUndoesIt(
      @ForAll @Size(min = 1, max = 8)
          List<@LongRange(min = 1, max = 1_000_000_000L) Long> amounts) {
    List<Posting.Line> lines = new ArrayList<>();
    long total = 0;
    for (long amount : amounts) {
      lines.add(Posting.Line.debit(CASH, amount));
      total += amount;
    }
    lines.add(Posting.Line.credit(FUND, total));
    Posting original = donation(lines);
    Posting mirror =
        Posting.reversal(new JournalEntryId(Ids.newId()), DAY, "mistake", original.lines());

    assertThat(mirror.total()).isEqualTo(original.total());
    long net = 0;
    for (int i = 0; i < lines.size(); i++) {
      var a = original.lines().get(i);
      var b = mirror.lines().get(i);
      net += a.debit() - a.credit() + b.debit() - b.credit();
      assertThat(b.account()).isEqualTo(a.account());
    }
    assertThat(net).isZero();
  }

  private static Posting donation(List<Posting.Line> lines) {
    return new Posting(Posting.Kind.DONATION, DAY, "test", null, null, null, lines);
  }
}
