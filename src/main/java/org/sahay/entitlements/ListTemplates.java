package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.internal.ListStore;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How offices want their lists: the shared examples and the templates a collective adds for an
 * office of its own (columns in order, headings, date format, language).
 */
@Service
public class ListTemplates {

  /**
   * A template as sent: its columns in order with a heading each, a date format such as dd/MM/yyyy
   * and the language (en, hi, te, bn) of the words in it.
   */
  public record TemplateInput(
      String name,
      List<String> columns,
      List<String> headings,
      String dateFormat,
      String language) {}

  private final ListStore store;
  private final AccessPolicy policy;

  ListTemplates(ListStore store, AccessPolicy policy) {
    this.store = store;
    this.policy = policy;
  }

  /** The templates a collective may use: the shared examples and its own. */
  @Transactional(readOnly = true)
  public List<ListTemplate> templates(Actor by) {
    return store.templates(own(by));
  }

  /** Adds a template of the collective's own, for an office that wants its list its own way. */
  @Transactional
  public EntitlementOutcome<ListTemplate> addTemplate(Actor by, TemplateInput input) {
    OrganisationId own = own(by);
    Map<String, String> errors = new LinkedHashMap<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > 160) {
      errors.put("name", "list.template.name");
    }
    List<ListColumn> columns = new ArrayList<>();
    List<String> headings = new ArrayList<>();
    List<String> given = input.columns() == null ? List.of() : input.columns();
    for (int i = 0; i < given.size(); i++) {
      ListColumn column = column(given.get(i));
      String heading =
          input.headings() != null && i < input.headings().size() ? input.headings().get(i) : null;
      heading = heading == null || heading.isBlank() ? String.valueOf(column) : heading.strip();
      if (column == null
          || columns.contains(column)
          || heading.contains("|")
          || heading.length() > 80) {
        errors.put("columns", "list.template.columns");
      }
      columns.add(column);
      headings.add(heading);
    }
    if (columns.isEmpty()) {
      errors.put("columns", "list.template.columns");
    }
    String format = input.dateFormat() == null ? "" : input.dateFormat().strip();
    if (!dateFormat(format)) {
      errors.put("dateFormat", "list.template.dateFormat");
    }
    Language language =
        Arrays.stream(Language.values())
            .filter(l -> l.code().equals(input.language()))
            .findFirst()
            .orElse(null);
    if (language == null) {
      errors.put("language", "list.template.language");
    }
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    ListTemplate template =
        new ListTemplate(ListTemplateId.newId(), own, name, columns, headings, format, language, 0);
    store.insert(template);
    return new EntitlementOutcome.Saved<>(store.template(template.id()).orElseThrow());
  }

  private static ListColumn column(String text) {
    try {
      return ListColumn.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A date pattern that formats a date (dd/MM/yyyy, d MMM yyyy), short enough to keep. */
  private static boolean dateFormat(String format) {
    if (format.isEmpty() || format.length() > 20) {
      return false;
    }
    try {
      LocalDate.of(2026, 1, 31).format(DateTimeFormatter.ofPattern(format, Locale.ROOT));
      return true;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return false;
    }
  }

  private OrganisationId own(Actor by) {
    return Checks.own(policy, by, EntitlementAction.DISTRICT_LIST_SEND);
  }
}
