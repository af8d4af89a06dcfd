package org.sahay.entitlements;

import java.util.List;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;

/**
 * How one receiving office wants its list: the columns in order with their headings, the date
 * format (a pattern such as dd/MM/yyyy) and the language of the words in it. {@code organisation}
 * is null for the shared examples.
 */
public record ListTemplate(
    ListTemplateId id,
    OrganisationId organisation,
    String name,
    List<ListColumn> columns,
    List<String> headings,
    String dateFormat,
    Language language,
    int version) {

  public ListTemplate {
    columns = List.copyOf(columns);
    headings = List.copyOf(headings);
  }
}
