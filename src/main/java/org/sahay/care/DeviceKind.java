package org.sahay.care;

/** What was issued. */
public enum DeviceKind {
  SMARTPHONE,
  FEATURE_PHONE,
  TABLET,
  SIM_CARD
}
