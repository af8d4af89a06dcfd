package org.sahay.care;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sahay.registry.MemberId;

/**
 * A safety incident, opened: when, what, who did it (a category), where, whether it was reported to
 * the police, the referrals made, notes, its follow-ups, and whether it is still open.
 */
public record Incident(
    UUID id,
    MemberId member,
    LocalDate occurredOn,
    IncidentKind kind,
    Perpetrator perpetrator,
    String place,
    boolean reportedToPolice,
    List<Referral> referrals,
    String notes,
    List<FollowUp> followUps,
    boolean open,
    int version) {

  public Incident {
    referrals = List.copyOf(referrals);
    followUps = List.copyOf(followUps);
  }

  /** A follow-up: when, what was done, and the next one, if any. */
  public record FollowUp(UUID id, LocalDate on, String note, LocalDate nextOn) {}

  /** What an incident says, as sealed. */
  record Facts(
      LocalDate occurredOn,
      IncidentKind kind,
      Perpetrator perpetrator,
      String place,
      boolean reportedToPolice,
      List<Referral> referrals,
      String notes) {}
}
