package org.sahay.registry.internal;

import java.time.LocalDate;
import java.util.List;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Gender;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberStatus;

/** A member row as stored, with the sensitive profile still encrypted. */
public record MemberRow(
    MemberId id,
    OrganisationId organisation,
    String code,
    String name,
    String alias,
    Gender gender,
    LocalDate dateOfBirth,
    Integer birthYear,
    String phone,
    String otherPhone,
    String state,
    String district,
    String block,
    String village,
    LocalDate joinedOn,
    MemberStatus status,
    List<String> languages,
    Boolean hasSmartphone,
    byte[] sensitive,
    int version) {

  /** The member as {@link org.sahay.registry.MemberRecorded} tells it. */
  public org.sahay.registry.MemberRecorded recorded() {
    return new org.sahay.registry.MemberRecorded(
        id, organisation, name, alias, birthYear, phone, otherPhone, village, district);
  }
}
