package org.sahay.funds;

/** Whose money a fund holds: a campaign's, a grant's, or the organisation's own, unrestricted. */
public enum FundKind {
  UNRESTRICTED,
  CAMPAIGN,
  GRANT
}
