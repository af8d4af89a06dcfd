package org.sahay.needs;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.registry.Beneficiary;

/**
 * A need as the register shows it (never a name, only whom it is about by id), and the rules of its
 * life as plain code: whether it is still open, whose it is, what a change asked of it becomes, and
 * whether a payment or hand-over may mark it met.
 */
public record NeedView(
    NeedId id,
    UUID member,
    UUID household,
    NeedCategory category,
    NeedSeverity severity,
    NeedStatus status,
    boolean sensitive,
    String followUpBy,
    UUID submission,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  private static final int MAX_FOLLOW_UP = 64;

  /** What a change of a need becomes: the need's next state, or field errors. */
  public sealed interface Changed {
    record To(NeedStatus status, NeedSeverity severity, String followUpBy) implements Changed {}

    record Invalid(Map<String, String> errors) implements Changed {}
  }

  /** Open or being met: still waiting for something, so a payment or hand-over may meet it. */
  public boolean open() {
    return status == NeedStatus.OPEN || status == NeedStatus.BEING_MET;
  }

  /** Whether this is a need of that member, or of that household itself. */
  public boolean of(Beneficiary whose) {
    return whose.memberId().map(m -> m.value().equals(member)).orElse(false)
        || whose.householdId().map(h -> h.value().equals(household)).orElse(false);
  }

  /** Marked met by a payment or hand-over: only an open need; empty when it is not one. */
  public Optional<NeedStatus> meet() {
    return open() ? Optional.of(NeedStatus.MET) : Optional.empty();
  }

  /**
   * A change asked by a person: a status by name, a severity by name, who follows it up (at most 64
   * characters); what is left out stays as it is, and the version seen is required.
   */
  public Changed change(String status, String severity, String followUp, Integer seenVersion) {
    Map<String, String> errors = new LinkedHashMap<>();
    NeedStatus next = this.status;
    if (status != null) {
      try {
        next = NeedStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("status", "need.status.invalid");
      }
    }
    NeedSeverity graded = severity(severity, this.severity);
    if (graded == null) {
      errors.put("severity", "need.severity.invalid");
    }
    if (seenVersion == null) {
      errors.put("version", "member.version.required");
    }
    String who = followUp == null || followUp.isBlank() ? followUpBy : followUp.strip();
    if (who != null && who.length() > MAX_FOLLOW_UP) {
      errors.put("followUpBy", "need.followUpBy.invalid");
    }
    return errors.isEmpty() ? new Changed.To(next, graded, who) : new Changed.Invalid(errors);
  }

  /** A severity by name, {@code otherwise} when none is given; null when it names none. */
  static NeedSeverity severity(String text, NeedSeverity otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return NeedSeverity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
