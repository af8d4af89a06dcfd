package org.sahay.entitlements;

import java.util.List;
import org.sahay.registry.DocumentType;

/**
 * A member's standing with one scheme, as her page shows it: the scheme, where she (or her
 * household, for a scheme given per household) stands with it if anything is recorded, and which of
 * the documents it needs are not on record as held, by her or, for a household scheme, by anyone in
 * her household.
 */
public record Standing(
    Scheme scheme, Entitlement entitlement, List<DocumentType> missing, boolean byHousehold) {

  public Standing {
    missing = List.copyOf(missing);
  }

  public EntitlementStatus status() {
    return entitlement == null ? null : entitlement.status();
  }
}
