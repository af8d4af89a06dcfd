package org.sahay.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.platform.Indicator;
import org.sahay.platform.Indicator.Breakdown;
import org.sahay.platform.Indicator.Unit;
import org.sahay.platform.Measure;
import org.sahay.platform.SmallCount;
import org.sahay.reporting.Panel;

class PanelsTest {

  private static final Indicator BY_DISTRICT =
      Indicator.open("members.district", Unit.PEOPLE, Breakdown.DISTRICT);

  private static final List<Measure> DISTRICTS =
      List.of(
          new Measure("members.district", "Guntur", 12),
          new Measure("members.district", "Krishna", 3),
          new Measure("members.district", "Nellore", 7),
          new Measure("members.district", "", 0));

  @Test
  void aLoneSmallCountBesideATotalTakesTheNextSmallestWithIt() {
    Panel panel = Panels.of(BY_DISTRICT, DISTRICTS, false, false);
    assertThat(panel.rows())
        .extracting(Panel.Row::label)
        .containsExactly("Guntur", "Krishna", "Nellore", "");
    assertThat(panel.rows())
        .extracting(Panel.Row::count)
        .containsExactly(
            new SmallCount(12L, false),
            new SmallCount(null, true),
            SmallCount.withheldCount(),
            new SmallCount(0L, false));
    assertThat(panel.total().count()).isEqualTo(new SmallCount(22L, false));
    assertThat(panel.rows().get(3).labelKey()).isEqualTo("indicator.label.none");
  }

  @Test
  void theCollectiveSeesItsOwnCountsExactly() {
    Panel panel = Panels.of(BY_DISTRICT, DISTRICTS, true, false);
    assertThat(panel.rows().get(1).count()).isEqualTo(new SmallCount(3L, false));
  }

  @Test
  void moneyIsNeverSuppressedAndASmallTotalIsSuppressedLikeAnyCount() {
    Indicator raised = Indicator.open("funds.raised", Unit.MONEY, Breakdown.FUND);
    Panel money =
        Panels.of(raised, List.of(new Measure("funds.raised", "Relief fund", 300)), false, false);
    assertThat(money.rows().get(0).count()).isEqualTo(new SmallCount(300L, false));

    Indicator people = Indicator.single("relief.people", Unit.PEOPLE);
    Panel few = Panels.of(people, List.of(new Measure("relief.people", "", 4)), false, false);
    assertThat(few.rows().get(0).count().fewerThanFive()).isTrue();
    assertThat(few.total().count().fewerThanFive()).isTrue();
  }

  @Test
  void fixedLabelsAreAllShownInTheirOrderWithZerosForThoseWithNone() {
    Indicator stages =
        Indicator.fixed(
            "support.requests",
            Unit.RECORDS,
            Breakdown.STAGE,
            "indicator.stage.",
            List.of("REQUESTED", "APPROVED", "PAID"));
    Panel panel =
        Panels.of(stages, List.of(new Measure("support.requests", "PAID", 6)), false, true);
    assertThat(panel.rows())
        .extracting(Panel.Row::labelKey)
        .containsExactly(
            "indicator.stage.REQUESTED", "indicator.stage.APPROVED", "indicator.stage.PAID");
    assertThat(panel.rows().get(0).count()).isEqualTo(new SmallCount(0L, false));
    assertThat(panel.wholeCollective()).isTrue();
  }
}
