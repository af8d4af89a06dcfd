package org.sahay.registry;

/** Who a dependent of a household is; dependents are not members and have no record. */
public enum DependentKind {
  CHILD,
  ELDERLY,
  DISABLED,
  OTHER_ADULT
}
