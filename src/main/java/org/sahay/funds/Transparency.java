package org.sahay.funds;

import java.time.LocalDate;
import java.util.List;
import org.sahay.platform.Language;

/**
 * What a campaign's public page shows: sums and counts only, never a donor or a recipient. A count
 * below {@link #SMALL} is never shown as such, so that nobody can be singled out.
 */
public record Transparency(
    String campaignName,
    String organisationName,
    Language organisationLanguage,
    long goalPaise,
    long raisedPaise,
    long donations,
    boolean restricted,
    List<Spent> spent,
    long spentPaise,
    long peopleReached,
    LocalDate lastUpdated) {

  /** Counts below this are shown as fewer than 5. */
  public static final int SMALL = 5;

  /** Spent on one category and the people it reached. */
  public record Spent(ExpenseCategory category, long paise, long peopleReached) {}

  /** True when a count must be shown as fewer than 5. */
  public static boolean small(long count) {
    return count < SMALL;
  }
}
