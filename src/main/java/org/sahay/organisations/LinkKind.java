package org.sahay.organisations;

/** A mentor supports a collective; a funder funds an organisation. */
public enum LinkKind {
  MENTOR_OF,
  FUNDER_OF,
  /** From a government office to a collective it works with (and receives lists from). */
  LIAISES_WITH,
  /** From a collective to a network it belongs to; the network sees its counts only. */
  MEMBER_OF
}
