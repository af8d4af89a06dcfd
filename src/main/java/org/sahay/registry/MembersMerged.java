package org.sahay.registry;

import java.util.UUID;
import org.sahay.platform.OrganisationId;

/**
 * Two records were found to be one person: every module moves what it holds of {@code merged} to
 * {@code survivor} (with {@link org.sahay.platform.MergeMoves}, under {@code merge}), inside the
 * merging transaction (see {@link MergeParticipant}); if one fails, nothing is merged.
 */
public record MembersMerged(
    UUID merge, OrganisationId organisation, MemberId survivor, MemberId merged) {}
