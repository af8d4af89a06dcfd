package org.sahay.relief;

import java.time.Instant;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;

/**
 * One hand-over in a round, to a member, a household (then {@code member} is its head, if known) or
 * a non-member recipient. A reversed distribution stays, marked, with its reason.
 */
public record Distribution(
    DistributionId id,
    RoundId round,
    MemberId member,
    HouseholdId household,
    RecipientId recipient,
    int people,
    String recordedBy,
    Instant recordedAt,
    Instant reversedAt,
    ReversalReason reversalReason) {}
