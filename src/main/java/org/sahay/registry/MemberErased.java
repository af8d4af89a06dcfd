package org.sahay.registry;

import org.sahay.platform.OrganisationId;

/**
 * Published inside the erasing transaction: modules that keep anything about the member (answers to
 * questionnaires, needs) forget it in the same transaction, so that erasure is all or nothing.
 */
public record MemberErased(MemberId member, OrganisationId organisation) {}
