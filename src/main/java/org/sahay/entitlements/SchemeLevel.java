package org.sahay.entitlements;

/** Who runs a scheme: the central government, or one state's. */
public enum SchemeLevel {
  CENTRAL,
  STATE
}
