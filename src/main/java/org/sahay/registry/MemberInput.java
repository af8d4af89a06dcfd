package org.sahay.registry;

import java.util.List;

/**
 * What a person or a program sent to register or change a member, unchecked. {@code version} is
 * required for changes (optimistic locking).
 */
public record MemberInput(
    String name,
    String alias,
    String gender,
    String dateOfBirth,
    Integer yearOfBirth,
    String phone,
    String otherPhone,
    String state,
    String district,
    String block,
    String village,
    String joinedOn,
    String status,
    List<String> languages,
    Boolean hasSmartphone,
    SensitiveProfile sensitive,
    List<DocumentInput> documents,
    Integer version) {

  /** A person described by name, phone and village alone (all else unknown), to look her up. */
  public static MemberInput described(String name, String phone, String village) {
    return new MemberInput(
        name, null, null, null, null, phone, null, null, null, null, village, null, null, null,
        null, null, null, null);
  }
}
