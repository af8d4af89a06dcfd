package org.sahay.relief;

/** Who may receive in a distribution round. */
public enum Eligibility {
  /** Members of the collective and their households. */
  ALL_MEMBERS,
  /**
   * Members and households with a food need in the needs register that is open or being met (for
   * the member or her household).
   */
  HOUSEHOLDS_WITH_OPEN_FOOD_NEED,
  /** Only the members, households and recipients on the round's list. */
  LIST,
  /** Anybody, members or people registered at the site. */
  ANYONE_AT_SITE
}
