package org.sahay.organisations;

import org.sahay.platform.OrganisationId;

/**
 * Published inside the creating transaction: modules that keep a row per organisation (the
 * registry's member-code sequence) make it in the same transaction, so that it exists before the
 * organisation's first request and no request has to make it under load.
 */
public record OrganisationCreated(OrganisationId organisation, OrganisationKind kind) {}
