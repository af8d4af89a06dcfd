package org.sahay.organisations;

import java.time.ZoneId;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;

/** A collective, mentor, funder or network. */
public record Organisation(
    OrganisationId id,
    String name,
    OrganisationKind kind,
    String state,
    String district,
    ShortCode shortCode,
    Language defaultLanguage,
    ZoneId timeZone,
    boolean active) {}
