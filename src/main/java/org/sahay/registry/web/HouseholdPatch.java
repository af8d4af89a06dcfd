package org.sahay.registry.web;

import java.util.List;
import org.sahay.platform.Money;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdInput;

/**
 * Fills the fields a PATCH left out with the household's current values. An empty string clears a
 * text field or the head; sending {@code memberIds} or {@code memberCodes} replaces the members.
 */
final class HouseholdPatch {

  private HouseholdPatch() {}

  static HouseholdInput merge(Household current, HouseholdInput patch) {
    boolean rentSent = patch.monthlyRentPaise() != null || patch.monthlyRent() != null;
    boolean arrearsSent =
        patch.electricityArrearsPaise() != null || patch.electricityArrears() != null;
    boolean membersSent = patch.memberIds() != null || patch.memberCodes() != null;
    return new HouseholdInput(
        or(patch.housing(), current.housing().name()),
        rentSent ? patch.monthlyRentPaise() : paise(current.monthlyRent()),
        rentSent ? patch.monthlyRent() : null,
        arrearsSent ? patch.electricityArrearsPaise() : paise(current.electricityArrears()),
        arrearsSent ? patch.electricityArrears() : null,
        patch.incomeSources() != null
            ? patch.incomeSources()
            : current.incomeSources().stream().map(Enum::name).toList(),
        or(patch.village(), current.village()),
        or(patch.district(), current.district()),
        patch.headMemberId() != null
            ? patch.headMemberId()
            : current.head() == null ? null : current.head().toString(),
        membersSent
            ? patch.memberIds()
            : current.members().stream().map(p -> p.id().toString()).toList(),
        membersSent ? patch.memberCodes() : null,
        patch.dependents() != null ? patch.dependents() : dependents(current),
        patch.version());
  }

  static List<HouseholdInput.DependentInput> dependents(Household current) {
    return current.dependents().stream()
        .map(
            d ->
                new HouseholdInput.DependentInput(
                    d.kind().name(), d.name(), d.age(), d.inSchool(), d.notes()))
        .toList();
  }

  private static Long paise(Money money) {
    return money == null ? null : money.paise();
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
