package org.sahay.registry;

import java.util.List;

/**
 * What a person or a program sent to create or change a household, unchecked. Amounts come either
 * in paise ({@code monthlyRentPaise}) or as rupees typed by a person ({@code monthlyRent}: 2500,
 * 2,500.50), not both. Members are named by id or by member code; the head is added to the members.
 * {@code version} is required for changes (optimistic locking).
 */
public record HouseholdInput(
    String housing,
    Long monthlyRentPaise,
    String monthlyRent,
    Long electricityArrearsPaise,
    String electricityArrears,
    List<String> incomeSources,
    String village,
    String district,
    String headMemberId,
    List<String> memberIds,
    List<String> memberCodes,
    List<DependentInput> dependents,
    Integer version) {

  /** A dependent as sent; {@code inSchool} is meant for children. */
  public record DependentInput(
      String kind, String name, Integer age, Boolean inSchool, String notes) {}
}
