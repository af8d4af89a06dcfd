package org.sahay.entitlements;

/**
 * Where a member or household stands with a scheme. {@code ELIGIBLE}: eligible and not applied yet.
 * The page offers them in this order.
 */
public enum EntitlementStatus {
  NOT_ELIGIBLE,
  ELIGIBLE,
  DOCUMENTS_MISSING,
  APPLIED,
  GRANTED,
  REJECTED,
  APPEALED
}
