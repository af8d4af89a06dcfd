package org.sahay.registry;

/**
 * A household as a search lists it: by the code of its head (or first member), never a name or a
 * village; open it for the rest.
 */
public record HouseholdSummary(HouseholdId id, String code, Housing housing, int members) {}
