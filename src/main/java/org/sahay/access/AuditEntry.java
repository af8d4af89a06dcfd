package org.sahay.access;

import java.time.Instant;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/** One entry of the audit log as organisation admins read it. */
public record AuditEntry(
    UUID id,
    long seq,
    OrganisationId organisation,
    String actor,
    String action,
    String entityType,
    String entityId,
    String summary,
    Instant occurredAt) {}
