package org.sahay.entitlements;

import java.util.List;
import java.util.Map;
import org.sahay.registry.DocumentType;
import org.sahay.registry.MemberId;

/**
 * How a drive stands: how many of its members got the scheme against the target ("44 of 60"), how
 * many stand where, and what blocks the rest: the documents they are missing, by how many members
 * miss each. {@code members}: each member with where she stands, those not yet granted first.
 */
public record DriveProgress(
    Drive drive,
    Scheme scheme,
    long granted,
    Map<EntitlementStatus, Long> byStatus,
    long nothingRecorded,
    Map<DocumentType, Long> blockedBy,
    List<Member> members) {

  public DriveProgress {
    byStatus = Map.copyOf(byStatus);
    blockedBy = Map.copyOf(blockedBy);
    members = List.copyOf(members);
  }

  /** One member of the drive: her code and name, where she stands, and what she is missing. */
  public record Member(
      MemberId id, String code, String name, EntitlementStatus status, List<DocumentType> missing) {

    public Member {
      missing = List.copyOf(missing);
    }
  }
}
