package org.sahay.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sahay.platform.OrganisationId;

/**
 * A member as a permitted user sees them. {@code sensitive} is null unless the user holds the
 * sensitive-data permission for the member's collective.
 */
public record Member(
    MemberId id,
    String code,
    OrganisationId organisation,
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
    List<Document> documents,
    Map<ConsentPurpose, Boolean> consents,
    int version,
    SensitiveProfile sensitive) {

  /** One document; {@code number} holds only the last four digits for Aadhaar and bank accounts. */
  public record Document(
      DocumentType type, DocumentStatus status, String number, String detail, Boolean janDhan) {}
}
