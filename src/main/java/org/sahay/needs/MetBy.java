package org.sahay.needs;

import java.util.Objects;
import java.util.UUID;

/**
 * What met a need: a support payment or a relief hand-over, by its id. The needs module keeps which
 * needs each one marked met, and what they were before, so that reversing it puts them back.
 */
public record MetBy(Kind kind, UUID id) {

  /** The kinds of things that meet needs. */
  public enum Kind {
    /** A cash payment against a support request's line. */
    PAYMENT,
    /** A hand-over of a relief round. */
    HAND_OVER
  }

  public MetBy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static MetBy payment(UUID disbursement) {
    return new MetBy(Kind.PAYMENT, disbursement);
  }

  public static MetBy handOver(UUID distribution) {
    return new MetBy(Kind.HAND_OVER, distribution);
  }
}
