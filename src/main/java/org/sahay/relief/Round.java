package org.sahay.relief;

import java.time.LocalDate;
import java.util.List;
import org.sahay.platform.OrganisationId;

/**
 * A distribution round: what each recipient gets (a kit's items, or items chosen), from which
 * location, to whom, and how often; and whether a hand-over meets the food needs of the household
 * it reaches ({@code meetsFoodNeeds}).
 */
public record Round(
    RoundId id,
    OrganisationId organisation,
    String name,
    LocalDate startsOn,
    LocalDate endsOn,
    LocationId location,
    KitId kit,
    List<ItemLine> lines,
    Eligibility eligibility,
    EntitlementRule rule,
    boolean meetsFoodNeeds) {}
