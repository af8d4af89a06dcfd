package org.sahay.matching;

import java.time.OffsetDateTime;

/** A scan for duplicates and how far it has got. */
public record DuplicateScan(
    ScanId id,
    Status status,
    long membersTotal,
    long membersDone,
    long candidates,
    long likely,
    long possible,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt) {

  /** Where a scan stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }
}
