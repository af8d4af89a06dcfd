package org.sahay.registry;

/** Where a member stands with the collective; ERASED keeps only anonymous counts. */
public enum MemberStatus {
  ACTIVE,
  MOVED,
  DECEASED,
  WITHDRAWN,
  ERASED,
  /** Found to be the same person as another member, whose record holds everything now. */
  MERGED
}
