package org.sahay.entitlements;

import java.time.OffsetDateTime;
import org.sahay.platform.OrganisationId;

/**
 * A list sent to a district office, as the log keeps it: from which collective to which office,
 * made with which template from which selection (and for which scheme, if any), how many rows it
 * has and how many members were left out for lack of consent, who sent it and when, and when the
 * office acknowledged it. Its rows are frozen as sent.
 */
public record BeneficiaryList(
    BeneficiaryListId id,
    OrganisationId organisation,
    OrganisationId office,
    ListTemplateId template,
    String title,
    String selection,
    SchemeId scheme,
    int rows,
    int leftOut,
    String sentBy,
    OffsetDateTime sentAt,
    String acknowledgedBy,
    OffsetDateTime acknowledgedAt) {}
