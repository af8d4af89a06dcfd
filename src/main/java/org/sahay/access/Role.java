package org.sahay.access;

/** What a user is to their organisation; a user may hold several. */
public enum Role {
  SYSTEM_ADMIN,
  ORG_ADMIN,
  LEADER,
  COUNSELLOR,
  MENTOR_STAFF,
  FUNDER_VIEWER,
  DISTRICT_LIAISON
}
