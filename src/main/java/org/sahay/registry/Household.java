package org.sahay.registry;

import java.util.List;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;

/**
 * A household as a permitted user of its collective sees it. Amounts are null when not recorded;
 * {@code head} is null when the head of the household is not a member of the collective.
 */
public record Household(
    HouseholdId id,
    OrganisationId organisation,
    Housing housing,
    Money monthlyRent,
    Money electricityArrears,
    List<IncomeSource> incomeSources,
    String village,
    String district,
    MemberId head,
    List<Person> members,
    List<Dependent> dependents,
    int version) {

  /** A registered member of the household. */
  public record Person(MemberId id, String code, String name, boolean head) {}

  /** Someone who depends on the household and is not a member: no record of their own. */
  public record Dependent(
      DependentKind kind, String name, int age, Boolean inSchool, String notes) {}
}
