package org.sahay.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What is on hand of one item at one location, and in which batches, the soonest-expiring first.
 */
public record StockLevel(
    LocationId location, ItemId item, BigDecimal onHand, List<StockLevel.Batch> batches) {

  /** Stock that arrived together, with its expiry date (null: does not expire). */
  public record Batch(BatchId id, LocalDate expiresOn, BigDecimal onHand) {}
}
