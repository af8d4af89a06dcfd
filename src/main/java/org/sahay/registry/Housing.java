package org.sahay.registry;

/** Where a household lives. */
public enum Housing {
  OWN,
  RENTED,
  NO_HOME,
  /** Renting or staying somewhere and threatened with eviction. */
  EVICTION_THREAT
}
