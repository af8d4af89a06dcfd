package org.sahay.access;

import java.util.List;

/** The outcome of checking every audit chain: how many entries, and what was found broken. */
public record AuditVerification(long entriesChecked, List<Finding> findings) {

  /** A broken link: an entry whose hash does not match, a gap, or a missing tail. */
  public record Finding(String chain, long seq, Kind kind) {}

  public enum Kind {
    ALTERED,
    MISSING,
    TAIL_MISSING
  }

  public boolean intact() {
    return findings.isEmpty();
  }
}
