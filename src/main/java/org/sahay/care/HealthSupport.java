package org.sahay.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sahay.registry.MemberId;

/**
 * Health support given to a member, opened: what kind, on which day, what was given or where she
 * was referred, notes, who gave it, the stock it took (item and quantity) if any, and follow-ups.
 */
public record HealthSupport(
    UUID id,
    MemberId member,
    HealthSupportKind kind,
    LocalDate givenOn,
    String what,
    String notes,
    String givenBy,
    UUID item,
    BigDecimal quantity,
    List<Incident.FollowUp> followUps,
    boolean open,
    int version) {

  public HealthSupport {
    followUps = List.copyOf(followUps);
  }

  /** What it says, as sealed. */
  record Facts(
      HealthSupportKind kind,
      LocalDate givenOn,
      String what,
      String notes,
      String givenBy,
      UUID item,
      BigDecimal quantity) {}
}
