package org.sahay.registry;

/**
 * The member's sensitive profile, stored encrypted under the member's own key and shown only with
 * the sensitive-data permission. Every field may be null (not recorded).
 */
public record SensitiveProfile(
    String occupation,
    Boolean sexWork,
    Boolean traffickingSurvivor,
    String hivStatus,
    Boolean onArt,
    String healthConditions,
    Boolean lgbtq,
    String notes) {

  public boolean isEmpty() {
    return occupation == null
        && sexWork == null
        && traffickingSurvivor == null
        && hivStatus == null
        && onArt == null
        && healthConditions == null
        && lgbtq == null
        && notes == null;
  }
}
