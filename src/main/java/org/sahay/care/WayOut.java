package org.sahay.care;

/** How the collective is helping her out of the debt. */
public enum WayOut {
  NONE_YET,
  REFERRAL,
  GRANT,
  FORMAL_LOAN,
  REPAID
}
