package org.sahay.relief;

import java.math.BigDecimal;
import java.util.List;

/**
 * A round so far, for its collective: hand-overs (kits given when the round gives a kit),
 * households and people reached, reversals, and per item what was used and what is left at the
 * round's location.
 */
public record RoundSummary(
    Round round,
    long distributions,
    long households,
    long people,
    long reversed,
    List<ItemUse> items) {

  /** One item of the round: used so far, and left at the round's location now. */
  public record ItemUse(Item item, BigDecimal used, BigDecimal left) {}
}
