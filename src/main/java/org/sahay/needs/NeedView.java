package org.sahay.needs;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.sahay.forms.NeedCategory;
import org.sahay.forms.NeedSeverity;

/** A need as the register shows it: never a name, only whom it is about by id. */
public record NeedView(
    UUID id,
    UUID member,
    UUID household,
    NeedCategory category,
    NeedSeverity severity,
    NeedStatus status,
    boolean sensitive,
    String followUpBy,
    UUID submission,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
