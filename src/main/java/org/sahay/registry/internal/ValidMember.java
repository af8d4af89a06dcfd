package org.sahay.registry.internal;

import java.time.LocalDate;
import java.util.List;
import org.sahay.registry.Gender;
import org.sahay.registry.Member;
import org.sahay.registry.MemberStatus;
import org.sahay.registry.SensitiveProfile;

/** A member's fields after every check passed. */
public record ValidMember(
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
    SensitiveProfile sensitive,
    List<Member.Document> documents) {

  /** The member as {@link org.sahay.registry.MemberRecorded} tells it (id null: not saved yet). */
  public org.sahay.registry.MemberRecorded recorded(
      org.sahay.registry.MemberId id, org.sahay.platform.OrganisationId organisation) {
    return new org.sahay.registry.MemberRecorded(
        id, organisation, name, alias, birthYear, phone, otherPhone, village, district);
  }
}
