package org.sahay.funds;

import java.util.List;

/** Every fund's balance, and the totals of domestic and of foreign money kept apart. */
public record FundBalances(List<FundBalance> funds, Totals domestic, Totals foreign) {

  /** Sums in paise. */
  public record Totals(long raised, long spent, long remaining) {}

  public static FundBalances of(List<FundBalance> funds) {
    return new FundBalances(funds, totals(funds, false), totals(funds, true));
  }

  private static Totals totals(List<FundBalance> funds, boolean foreign) {
    long raised = 0;
    long spent = 0;
    for (FundBalance f : funds) {
      if (f.foreignContribution() == foreign) {
        raised += f.raised();
        spent += f.spent();
      }
    }
    return new Totals(raised, spent, raised - spent);
  }
}
