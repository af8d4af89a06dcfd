package org.sahay.care;

/** What a livelihood brings in a month, in rupees, as a band. */
public enum IncomeBand {
  NONE,
  UNDER_1000,
  FROM_1000_TO_3000,
  FROM_3000_TO_6000,
  OVER_6000
}
