package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;

/**
 * Where one member, or one household for a scheme given per household, stands with one scheme: the
 * status, the day it took effect (applied on, granted on), who helped, and every step before.
 */
public record Entitlement(
    EntitlementId id,
    SchemeId scheme,
    MemberId member,
    HouseholdId household,
    EntitlementStatus status,
    LocalDate statusOn,
    String helpedBy,
    int version,
    List<Step> history) {

  public Entitlement {
    history = List.copyOf(history);
  }

  /** One step: the status, the day it took effect, who recorded it and when. */
  public record Step(
      EntitlementStatus status, LocalDate on, String recordedBy, OffsetDateTime recordedAt) {}
}
