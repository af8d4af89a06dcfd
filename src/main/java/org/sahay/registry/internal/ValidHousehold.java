package org.sahay.registry.internal;

import java.util.List;
import org.sahay.platform.Money;
import org.sahay.registry.Household;
import org.sahay.registry.Housing;
import org.sahay.registry.IncomeSource;
import org.sahay.registry.MemberId;

/**
 * A household's fields after every check passed: its members exist in the collective and belong to
 * no other household; the head, if any, is one of them.
 */
public record ValidHousehold(
    Housing housing,
    Money monthlyRent,
    Money electricityArrears,
    List<IncomeSource> incomeSources,
    String village,
    String district,
    MemberId head,
    List<MemberId> members,
    List<Household.Dependent> dependents) {}
