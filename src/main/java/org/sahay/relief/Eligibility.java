package org.sahay.relief;

/** Who may receive in a distribution round. */
public enum Eligibility {
  /** Members of the collective and their households. */
  ALL_MEMBERS,
  /**
   * Households with an open food need. The needs register comes with a later issue; until then this
   * admits everybody, like {@link #ANYONE_AT_SITE}.
   */
  HOUSEHOLDS_WITH_OPEN_FOOD_NEED,
  /** Only the members, households and recipients on the round's list. */
  LIST,
  /** Anybody, members or people registered at the site. */
  ANYONE_AT_SITE
}
