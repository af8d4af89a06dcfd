package org.sahay.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahay.platform.Money;
import org.sahay.registry.Household;
import org.sahay.registry.HouseholdInput;
import org.sahay.registry.IncomeSource;
import org.sahay.registry.MemberId;

/**
 * The household form's fields. Members are checkboxes named {@code member.<id>} (the ids offered
 * travel in {@code candidates}), income sources {@code income.DAILY_WAGE}, dependents rows named
 * {@code dependents[0].age}. Empty dependent rows are left out, and the rest renumbered, so that an
 * error about {@code dependents[1]} is shown beside the second row that was filled in.
 */
final class HouseholdForm {

  /** Empty dependent rows the form offers below the filled ones. */
  static final int BLANK_ROWS = 3;

  private static final int MAX_ROWS = 60;
  private static final Pattern ROW = Pattern.compile("dependents\\[(\\d{1,2})]\\.(\\w+)");
  private static final String[] ROW_FIELDS = {"kind", "name", "age", "inSchool", "notes"};

  private HouseholdForm() {}

  static HouseholdInput read(Map<String, String> form) {
    List<String> income = new ArrayList<>();
    for (IncomeSource source : IncomeSource.values()) {
      if (form.containsKey("income." + source.name())) {
        income.add(source.name());
      }
    }
    List<String> memberIds = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("member.") && v != null && !v.isBlank()) {
            memberIds.add(k.substring("member.".length()));
          }
        });
    String codes = blank(form.get("memberCodes"));
    List<HouseholdInput.DependentInput> dependents = new ArrayList<>();
    for (int row : filledRows(form)) {
      String p = "dependents[" + row + "].";
      dependents.add(
          new HouseholdInput.DependentInput(
              blank(form.get(p + "kind")),
              blank(form.get(p + "name")),
              age(form.get(p + "age")),
              yesNo(form.get(p + "inSchool")),
              blank(form.get(p + "notes"))));
    }
    String version = blank(form.get("version"));
    return new HouseholdInput(
        blank(form.get("housing")),
        null,
        blank(form.get("monthlyRent")),
        null,
        blank(form.get("electricityArrears")),
        income,
        form.get("village"),
        form.get("district"),
        blank(form.get("headMemberId")),
        memberIds,
        codes == null ? List.of() : List.of(codes.split("[,;\\s]+")),
        dependents,
        version == null || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version));
  }

  /** The values a form shows for an existing household. */
  static Map<String, String> values(Household h) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("housing", h.housing().name());
    v.put("monthlyRent", rupees(h.monthlyRent()));
    v.put("electricityArrears", rupees(h.electricityArrears()));
    h.incomeSources().forEach(s -> v.put("income." + s.name(), "on"));
    v.put("village", h.village());
    v.put("district", h.district());
    v.put("headMemberId", h.head() == null ? null : h.head().toString());
    h.members().forEach(p -> v.put("member." + p.id(), "on"));
    for (int i = 0; i < h.dependents().size(); i++) {
      Household.Dependent d = h.dependents().get(i);
      String p = "dependents[" + i + "].";
      v.put(p + "kind", d.kind().name());
      v.put(p + "name", d.name());
      v.put(p + "age", Integer.toString(d.age()));
      v.put(p + "inSchool", d.inSchool() == null ? null : d.inSchool() ? "yes" : "no");
      v.put(p + "notes", d.notes());
    }
    v.put("version", Integer.toString(h.version()));
    return v;
  }

  /** What a refused form shows again: what was typed, dependent rows renumbered as when read. */
  static Map<String, String> retyped(Map<String, String> form) {
    Map<String, String> kept = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (!k.equals("_csrf") && !ROW.matcher(k).matches()) {
            kept.put(k, v);
          }
        });
    int index = 0;
    for (int row : filledRows(form)) {
      for (String field : ROW_FIELDS) {
        kept.put(
            "dependents[" + index + "]." + field, form.get("dependents[" + row + "]." + field));
      }
      index++;
    }
    return kept;
  }

  /** How many dependent rows to show: the filled ones and a few empty ones. */
  static int rows(Map<String, String> values) {
    int filled = 0;
    for (String key : values.keySet()) {
      Matcher m = ROW.matcher(key);
      if (m.matches()) {
        filled = Math.max(filled, Integer.parseInt(m.group(1)) + 1);
      }
    }
    return filled + BLANK_ROWS;
  }

  /** The members the form offers: those in {@code candidates} and those ticked. */
  static Set<MemberId> offered(Map<String, String> form) {
    Set<MemberId> ids = new LinkedHashSet<>();
    String candidates = form.getOrDefault("candidates", "");
    for (String id : candidates.split(",")) {
      memberId(id.strip(), ids);
    }
    form.keySet().stream()
        .filter(k -> k.startsWith("member."))
        .forEach(k -> memberId(k.substring("member.".length()), ids));
    return ids;
  }

  private static void memberId(String text, Set<MemberId> into) {
    try {
      into.add(MemberId.of(text));
    } catch (IllegalArgumentException e) {
      // not an id the form offered: ignored here, the check names it
    }
  }

  private static List<Integer> filledRows(Map<String, String> form) {
    List<Integer> rows = new ArrayList<>();
    for (int row = 0; row < MAX_ROWS; row++) {
      for (String field : ROW_FIELDS) {
        if (blank(form.get("dependents[" + row + "]." + field)) != null) {
          rows.add(row);
          break;
        }
      }
    }
    return rows;
  }

  /** Rupees as a person would type them: 2500, or 2500.50 when there are paise. */
  private static String rupees(Money money) {
    if (money == null) {
      return null;
    }
    return money.paise() % 100 == 0
        ? Long.toString(money.paise() / 100)
        : money.rupees().toPlainString();
  }

  private static Integer age(String text) {
    String value = blank(text);
    if (value == null) {
      return null;
    }
    return value.strip().matches("\\d{1,3}") ? Integer.valueOf(value.strip()) : -1;
  }

  private static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
