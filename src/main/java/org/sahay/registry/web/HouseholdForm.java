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
import org.sahay.registry.MemberId;

/**
 * The household form's fields as posted, bound by the binder: members ticked as repeated {@code
 * member} (the ids offered travel in {@code candidates}), income sources as repeated {@code
 * income}, dependents as rows {@code dependents[0].age} and so on. Empty dependent rows are left
 * out and the rest renumbered, so that an error about {@code dependents[1]} is shown beside the
 * second row filled in; an age stays text here so that one typed as words is refused beside its
 * row, as the registry refuses an impossible one.
 */
record HouseholdForm(
    String housing,
    String monthlyRent,
    String electricityArrears,
    List<String> income,
    String village,
    String district,
    String headMemberId,
    List<String> member,
    String candidates,
    String memberCodes,
    List<Row> dependents,
    String version) {

  /** One dependent row as typed. */
  record Row(String kind, String name, String age, String inSchool, String notes) {

    boolean filled() {
      return blank(kind) != null
          || blank(name) != null
          || blank(age) != null
          || blank(inSchool) != null
          || blank(notes) != null;
    }
  }

  /** Empty dependent rows the form offers below the filled ones. */
  static final int BLANK_ROWS = 3;

  private static final Pattern ROW = Pattern.compile("dependents\\[(\\d{1,2})]\\.(\\w+)");

  /** The household as the API takes it. */
  HouseholdInput command() {
    List<HouseholdInput.DependentInput> rows = new ArrayList<>();
    for (Row row : filledRows()) {
      rows.add(
          new HouseholdInput.DependentInput(
              blank(row.kind),
              blank(row.name),
              age(row.age),
              yesNo(row.inSchool),
              blank(row.notes)));
    }
    String codes = blank(memberCodes);
    String v = blank(version);
    return new HouseholdInput(
        blank(housing),
        null,
        blank(monthlyRent),
        null,
        blank(electricityArrears),
        income == null ? List.of() : List.copyOf(income),
        village,
        district,
        blank(headMemberId),
        member == null ? List.of() : member.stream().filter(m -> blank(m) != null).toList(),
        codes == null ? List.of() : List.of(codes.split("[,;\\s]+")),
        rows,
        v == null || !v.matches("\\d{1,9}") ? null : Integer.valueOf(v));
  }

  /** What a refused form shows again: what was typed, dependent rows renumbered as when read. */
  Map<String, String> retyped() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("housing", housing);
    v.put("monthlyRent", monthlyRent);
    v.put("electricityArrears", electricityArrears);
    if (income != null) {
      income.forEach(s -> v.put("income." + s, "on"));
    }
    v.put("village", village);
    v.put("district", district);
    v.put("headMemberId", headMemberId);
    if (member != null) {
      member.forEach(m -> v.put("member." + m, "on"));
    }
    v.put("memberCodes", memberCodes);
    v.put("version", version);
    List<Row> filled = filledRows();
    for (int i = 0; i < filled.size(); i++) {
      Row row = filled.get(i);
      String p = "dependents[" + i + "].";
      v.put(p + "kind", row.kind);
      v.put(p + "name", row.name);
      v.put(p + "age", row.age);
      v.put(p + "inSchool", row.inSchool);
      v.put(p + "notes", row.notes);
    }
    return v;
  }

  /** The members the form offers: those in {@code candidates} and those ticked. */
  Set<MemberId> offered() {
    Set<MemberId> ids = new LinkedHashSet<>();
    for (String id : (candidates == null ? "" : candidates).split(",")) {
      memberId(id.strip(), ids);
    }
    if (member != null) {
      member.forEach(m -> memberId(m, ids));
    }
    return ids;
  }

  private List<Row> filledRows() {
    return dependents == null
        ? List.of()
        : dependents.stream().filter(r -> r != null && r.filled()).toList();
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

  private static void memberId(String text, Set<MemberId> into) {
    try {
      into.add(MemberId.of(text));
    } catch (IllegalArgumentException e) {
      // not an id the form offered: ignored here, the check names it
    }
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
