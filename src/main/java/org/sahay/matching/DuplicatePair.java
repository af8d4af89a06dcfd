package org.sahay.matching;

import java.time.OffsetDateTime;
import java.util.Map;
import org.sahay.registry.MemberId;

/**
 * A pair of members of one collective that may be one person: their ids and codes, how likely
 * (score, the probability under the model, and band), and the evidence, field by field (name, year,
 * phone, village: how they agree, never what they are).
 */
public record DuplicatePair(
    PairId id,
    MemberId first,
    String firstCode,
    MemberId second,
    String secondCode,
    double score,
    Band band,
    Status status,
    Map<String, String> evidence,
    OffsetDateTime foundAt,
    MergeId merge) {

  /** Where a pair stands. */
  public enum Status {
    OPEN,
    SAME,
    DIFFERENT
  }
}
