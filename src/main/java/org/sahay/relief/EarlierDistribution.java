package org.sahay.relief;

import java.time.Instant;

/** What a refusal by the round's rule names: the earlier hand-over, when and by which user. */
public record EarlierDistribution(DistributionId id, Instant recordedAt, String recordedBy) {}
