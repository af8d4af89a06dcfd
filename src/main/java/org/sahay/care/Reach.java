package org.sahay.care;

/** How a member can be reached. */
public enum Reach {
  NONE,
  PHONE,
  SMARTPHONE,
  MESSAGING
}
