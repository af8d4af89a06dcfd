package org.sahay.entitlements;

/** A column a district list can have; a template picks them, orders them and heads them. */
public enum ListColumn {
  SERIAL,
  CODE,
  NAME,
  GENDER,
  AGE,
  YEAR_OF_BIRTH,
  PHONE,
  VILLAGE,
  DISTRICT,
  AADHAAR_LAST_FOUR,
  RATION_CARD,
  BANK_ACCOUNT,
  LISTED_ON
}
