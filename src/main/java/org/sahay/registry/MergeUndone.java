package org.sahay.registry;

import java.util.UUID;
import org.sahay.platform.OrganisationId;

/** A merge was undone: every module moves back what the merge moved, inside one transaction. */
public record MergeUndone(
    UUID merge, OrganisationId organisation, MemberId survivor, MemberId merged) {}
