package org.sahay.registry;

import org.sahay.platform.OrganisationId;

/**
 * A member was registered or changed: her fields as now recorded, for those who keep a derived copy
 * that is not readable (record linkage keeps keyed hashes). Published inside the writing
 * transaction, in memory only: it is never stored, and its text names no one.
 */
public record MemberRecorded(
    MemberId member,
    OrganisationId organisation,
    String name,
    String alias,
    Integer birthYear,
    String phone,
    String otherPhone,
    String village,
    String district) {

  @Override
  public String toString() {
    return "MemberRecorded[" + member + "]";
  }
}
