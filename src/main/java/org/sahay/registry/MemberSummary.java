package org.sahay.registry;

/** A member in a list or search result: never anything sensitive. */
public record MemberSummary(
    MemberId id,
    String code,
    String name,
    String alias,
    Gender gender,
    Integer birthYear,
    String district,
    String village,
    MemberStatus status) {}
