package org.sahay.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A count of people shown to someone who sees aggregates only: below five it is suppressed, so that
 * nobody can be singled out of a small group. {@code value} is then null and {@code fewerThanFive}
 * true; pages show the words for fewer than five.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SmallCount(Long value, boolean fewerThanFive, boolean withheld) {

  /** A count as shown, or one of 1 to 4 suppressed; never withheld for another. */
  public SmallCount(Long value, boolean fewerThanFive) {
    this(value, fewerThanFive, false);
  }

  /**
   * A count of five or more withheld so that a total beside it cannot give a suppressed one away
   * (secondary suppression, see {@link Disclosure}).
   */
  public static SmallCount withheldCount() {
    return new SmallCount(null, false, true);
  }

  /** The smallest count shown as it is. */
  public static final long THRESHOLD = 5;

  public static SmallCount of(long count) {
    return count > 0 && count < THRESHOLD
        ? new SmallCount(null, true)
        : new SmallCount(count, false);
  }

  /** The count in the page's language, for example 1,250 or fewer than 5. */
  public String text(Ui ui) {
    if (withheld) {
      return ui.t("count.withheld");
    }
    return fewerThanFive
        ? ui.t("count.fewerThan", THRESHOLD)
        : IndianFormats.number(value, ui.language());
  }
}
