package org.sahay.entitlements;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sahay.funds.DonationId;

/**
 * A stakeholder in a collective's advocacy log, with the people it deals with there (their names,
 * phones and roles are personal data, sealed) and its engagements, the latest first.
 */
public record Stakeholder(
    StakeholderId id,
    StakeholderKind kind,
    String name,
    String district,
    List<Contact> contacts,
    List<Engagement> engagements) {

  public Stakeholder {
    contacts = List.copyOf(contacts);
    engagements = List.copyOf(engagements);
  }

  /** A person the collective deals with at the stakeholder. */
  public record Contact(UUID id, String name, String phone, String role) {}

  /**
   * An engagement: what kind, when, who took part, what was demanded and promised, what came of it,
   * when to follow up (and whether that was done), and a donation it helped raise or stock it
   * helped bring in (a receipt in relief's stock), if any.
   */
  public record Engagement(
      EngagementId id,
      StakeholderId stakeholder,
      EngagementKind kind,
      LocalDate on,
      String participants,
      String demands,
      String commitments,
      String outcome,
      LocalDate followUpOn,
      boolean followedUp,
      DonationId donation,
      UUID receipt) {}
}
