package org.sahay.relief;

/** How often one recipient may receive in a round. */
public enum EntitlementRule {
  ONCE_PER_HOUSEHOLD,
  ONCE_PER_PERSON,
  UNLIMITED
}
