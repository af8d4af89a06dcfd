package org.sahay.access;

/** Everything the access policy is asked about. Later modules add their actions here. */
public enum Action {
  /** Create organisations (global). */
  ORGANISATION_CREATE,
  /** Link mentors and funders to organisations (global). */
  ORGANISATION_LINK,
  /** See an organisation's name, place and kind. */
  ORGANISATION_VIEW,
  /** See the users of an organisation. */
  USER_VIEW,
  /** Create and deactivate users of an organisation and end their sessions. */
  USER_MANAGE,
  /** Read an organisation's audit log. */
  AUDIT_READ,
  /** Check every audit chain for altered or deleted entries (global). */
  AUDIT_VERIFY,
  /** Actuator endpoints other than health (global). */
  OPERATIONS,
  /** See and change member records of a collective. */
  MEMBER_READ,
  MEMBER_WRITE,
  /** See and change sensitive fields (health, sex work, incidents, notes). */
  SENSITIVE_READ,
  /** See a collective's relief items, stock, rounds, recipients and distributions. */
  RELIEF_READ,
  /** Record and manage items, stock, rounds and distributions of a collective. */
  RELIEF_WRITE,
  /** See distribution round summaries as counts only, small counts suppressed. */
  RELIEF_SUMMARY
}
