package org.sahay.care;

/** Who did it, by category only: never a name. */
public enum Perpetrator {
  FAMILY,
  HOUSE_OWNER,
  CLIENT,
  MEDIATOR,
  LAW_ENFORCEMENT,
  OTHER
}
