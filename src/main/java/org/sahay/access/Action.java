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
  /** Upload questionnaires (XLSForm) for a collective. */
  FORM_MANAGE,
  /** Fill questionnaires about members and households of a collective. */
  FORM_FILL,
  /** See the needs register of a collective. */
  NEED_READ,
  /** Record needs and follow them up. */
  NEED_WRITE,
  /** See an organisation's funds: balances, trial balance, campaigns, expenses. */
  FUNDS_READ,
  /** Create campaigns, grants, bank accounts and expenses; reverse journal entries. */
  FUNDS_WRITE,
  /** Record a donation to a campaign. */
  DONATION_RECORD,
  /** See who gave a donation (donor name and contact). */
  DONOR_READ,
  /** See grants and what was spent from them; a funder sees only the grants it gave. */
  GRANT_READ,
  /** Ask for support, submit the request, record cash paid against approved lines. */
  SUPPORT_REQUEST,
  /**
   * See support requests (a funder: those addressed to it; a mentor: of collectives it mentors).
   */
  SUPPORT_VIEW,
  /** Decide a support request addressed to one's own organisation. */
  SUPPORT_DECIDE,
  /** Comment on a support request. */
  SUPPORT_COMMENT,
  /** See a collective's relief items, stock, rounds, recipients and distributions. */
  RELIEF_READ,
  /** Record and manage items, stock, rounds and distributions of a collective. */
  RELIEF_WRITE,
  /** See distribution round summaries as counts only, small counts suppressed. */
  RELIEF_SUMMARY
}
