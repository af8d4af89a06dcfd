package org.sahay.relief;

/** Where stock is kept: the collective's office, a partner's store. */
public record Location(LocationId id, String name) {}
