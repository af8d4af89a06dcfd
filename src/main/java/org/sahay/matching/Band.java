package org.sahay.matching;

/** How sure record linkage is that two records are one person; it never merges on its own. */
public enum Band {
  /** Most likely one person: shown first for review. */
  LIKELY,
  /** Perhaps one person: worth a look when time allows. */
  POSSIBLE
}
