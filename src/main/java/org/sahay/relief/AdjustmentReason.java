package org.sahay.relief;

/** Why stock was adjusted by hand. */
public enum AdjustmentReason {
  SPOILED,
  LOST,
  EXPIRED,
  DAMAGED,
  /** A count found more or less than recorded. */
  COUNTED
}
