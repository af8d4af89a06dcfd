package org.sahay.registry;

/** Identity and entitlement documents a member may have, lack or be applying for. */
public enum DocumentType {
  /** Only whether there is one and its last four digits: a full number is never stored. */
  AADHAAR,
  /** Number and type (detail: AAY, PHH, STATE or NONE). */
  RATION_CARD,
  VOTER_ID,
  /** Bank (detail), last four digits, and whether it is a Jan Dhan account. */
  BANK_ACCOUNT,
  PAN,
  CASTE_CERTIFICATE,
  DISABILITY_CERTIFICATE
}
