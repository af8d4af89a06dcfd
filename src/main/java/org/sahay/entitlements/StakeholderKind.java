package org.sahay.entitlements;

/** Whom a collective works on to win entitlements and protection. */
public enum StakeholderKind {
  GOVERNMENT_DEPARTMENT,
  DISTRICT_ADMINISTRATION,
  POLICE,
  MEDIA,
  NGO,
  PANCHAYAT,
  POLITICAL_LEADER,
  RELIGIOUS_BODY,
  INFLUENTIAL_INDIVIDUAL
}
