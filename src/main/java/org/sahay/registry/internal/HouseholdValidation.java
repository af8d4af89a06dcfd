package org.sahay.registry.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DependentKind;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.HouseholdInput;
import org.sahay.registry.Housing;
import org.sahay.registry.IncomeSource;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Component;

/**
 * Checks what was sent about a household and names each wrong field with a message key. Members are
 * looked up in the household's own collective only: a member of another collective is an unknown
 * member, exactly like one that does not exist, so that nothing about other collectives leaks.
 */
@Component
public class HouseholdValidation {

  /** Either a valid household or the wrong fields (field name to message key). */
  public record Result(ValidHousehold household, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** ₹10,00,000: more than any rent or electricity bill a household here could owe. */
  static final long MAX_AMOUNT_PAISE = 100_000_000L;

  static final int MAX_DEPENDENTS = 30;
  static final int MAX_MEMBERS = 30;

  private final HouseholdStore store;

  HouseholdValidation(HouseholdStore store) {
    this.store = store;
  }

  /**
   * Checks a household of {@code organisation}; {@code self} is the household being changed (its
   * own members are not in another household), null when creating one.
   */
  public Result check(OrganisationId organisation, HouseholdId self, HouseholdInput in) {
    Map<String, String> errors = new LinkedHashMap<>();
    Housing housing = parse(Housing.class, in.housing());
    if (housing == null) {
      errors.put("housing", "household.housing.invalid");
    }
    Money rent = amount(in.monthlyRentPaise(), in.monthlyRent(), "monthlyRent", errors);
    Money arrears =
        amount(in.electricityArrearsPaise(), in.electricityArrears(), "electricityArrears", errors);
    List<IncomeSource> income = incomeSources(in.incomeSources(), errors);
    String village = place(in.village(), "village", errors);
    String district = place(in.district(), "district", errors);
    List<MemberId> members = members(organisation, self, in, errors);
    MemberId head = memberId(in.headMemberId());
    List<Household.Dependent> dependents = dependents(in.dependents(), errors);
    ValidHousehold household =
        errors.isEmpty()
            ? new ValidHousehold(
                housing, rent, arrears, income, village, district, head, members, dependents)
            : null;
    return new Result(household, Map.copyOf(errors));
  }

  /** The head first, then the members by id, then by code; each checked in the collective. */
  private List<MemberId> members(
      OrganisationId organisation,
      HouseholdId self,
      HouseholdInput in,
      Map<String, String> errors) {
    Map<MemberId, String> fieldOf = new LinkedHashMap<>();
    if (text(in.headMemberId()) != null) {
      MemberId head = memberId(in.headMemberId());
      if (head == null) {
        errors.put("headMemberId", "household.member.unknown");
      } else {
        fieldOf.put(head, "headMemberId");
      }
    }
    for (String raw : in.memberIds() == null ? List.<String>of() : in.memberIds()) {
      MemberId id = memberId(raw);
      if (id == null) {
        errors.put("memberIds", "household.member.unknown");
      } else {
        fieldOf.putIfAbsent(id, "memberIds");
      }
    }
    for (String raw : in.memberCodes() == null ? List.<String>of() : in.memberCodes()) {
      String code = text(raw);
      if (code == null) {
        continue;
      }
      Optional<MemberId> id =
          code.length() > 16
              ? Optional.empty()
              : store.memberByCode(organisation, code.toUpperCase(Locale.ROOT));
      if (id.isEmpty()) {
        errors.put("memberCodes", "household.member.unknown");
      } else {
        fieldOf.putIfAbsent(id.get(), "memberCodes");
      }
    }
    if (fieldOf.size() > MAX_MEMBERS) {
      errors.put("memberIds", "household.members.tooMany");
      return List.of();
    }
    var memberships = store.memberships(organisation, fieldOf.keySet());
    fieldOf.forEach(
        (id, field) -> {
          Optional<HouseholdId> household = memberships.get(id);
          if (household == null) {
            errors.putIfAbsent(field, "household.member.unknown");
          } else if (household.isPresent() && !household.get().equals(self)) {
            errors.putIfAbsent(field, "household.member.taken");
          }
        });
    if (fieldOf.isEmpty() && !errors.containsKey("memberIds")) {
      errors.put("memberIds", "household.members.required");
    }
    return List.copyOf(fieldOf.keySet());
  }

  private static List<Household.Dependent> dependents(
      List<HouseholdInput.DependentInput> inputs, Map<String, String> errors) {
    List<Household.Dependent> dependents = new ArrayList<>();
    if (inputs == null) {
      return dependents;
    }
    if (inputs.size() > MAX_DEPENDENTS) {
      errors.put("dependents", "household.dependents.tooMany");
      return dependents;
    }
    for (int i = 0; i < inputs.size(); i++) {
      HouseholdInput.DependentInput in = inputs.get(i);
      String prefix = "dependents[" + i + "].";
      if (in == null) {
        errors.put(prefix + "kind", "household.dependent.kind.invalid");
        continue;
      }
      DependentKind kind = parse(DependentKind.class, in.kind());
      if (kind == null) {
        errors.put(prefix + "kind", "household.dependent.kind.invalid");
      }
      String name = text(in.name());
      if (name != null && name.length() > 100) {
        errors.put(prefix + "name", "household.dependent.name.invalid");
      }
      if (in.age() == null || in.age() < 0 || in.age() > 120) {
        errors.put(prefix + "age", "household.dependent.age.invalid");
      }
      String notes = text(in.notes());
      if (notes != null && notes.length() > 200) {
        errors.put(prefix + "notes", "household.dependent.notes.invalid");
      }
      if (kind != null && in.age() != null && !errors.containsKey(prefix + "age")) {
        dependents.add(new Household.Dependent(kind, name, in.age(), in.inSchool(), notes));
      }
    }
    return dependents;
  }

  private static List<IncomeSource> incomeSources(List<String> inputs, Map<String, String> errors) {
    Set<IncomeSource> sources = EnumSet.noneOf(IncomeSource.class);
    for (String raw : inputs == null ? List.<String>of() : inputs) {
      IncomeSource source = parse(IncomeSource.class, raw);
      if (source == null) {
        errors.put("incomeSources", "household.income.invalid");
      } else {
        sources.add(source);
      }
    }
    if (sources.contains(IncomeSource.NONE) && sources.size() > 1) {
      errors.put("incomeSources", "household.income.invalid");
    }
    return List.copyOf(sources);
  }

  /** An amount in paise or typed in rupees (Indian commas allowed); null when not given. */
  private static Money amount(Long paise, String rupees, String field, Map<String, String> errors) {
    String typed = text(rupees);
    if (paise != null && typed != null) {
      errors.put(field, "household.amount.both");
      return null;
    }
    Money money;
    if (paise != null) {
      money = Money.ofPaise(paise);
    } else if (typed != null) {
      try {
        money = Money.parse(typed);
      } catch (IllegalArgumentException | ArithmeticException e) {
        errors.put(field, "household.amount.invalid");
        return null;
      }
    } else {
      return null;
    }
    if (money.isNegative() || money.paise() > MAX_AMOUNT_PAISE) {
      errors.put(field, "household.amount.invalid");
      return null;
    }
    return money;
  }

  private static String place(String value, String field, Map<String, String> errors) {
    String text = text(value);
    if (text != null && text.length() > 100) {
      errors.put(field, "household.place.invalid");
      return null;
    }
    return text;
  }

  private static MemberId memberId(String raw) {
    String text = text(raw);
    if (text == null) {
      return null;
    }
    try {
      return new MemberId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip().replaceAll("\\s+", " ");
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
