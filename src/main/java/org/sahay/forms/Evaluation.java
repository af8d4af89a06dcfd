package org.sahay.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.needs.AssessedNeed;

/**
 * A filled form checked against its definition. {@code values} holds the typed answers of relevant
 * fields (Long for integer, BigDecimal for decimal, LocalDate for date, String for text, select_one
 * and calculate, a List of String for select_multiple); {@code answers} the same answers as ODK
 * strings, the form to store; {@code relevant} the names of relevant fields, notes and groups;
 * {@code errors} what is wrong per field; {@code needs} the needs the answers raise.
 */
public record Evaluation(
    Map<String, Object> values,
    Map<String, String> answers,
    Set<String> relevant,
    Map<String, FieldError> errors,
    List<AssessedNeed> needs) {

  public Evaluation {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    relevant = Collections.unmodifiableSet(new LinkedHashSet<>(relevant));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    needs = List.copyOf(needs);
  }

  /** True when no field has an error, so the answers can be saved as complete. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  public Optional<Object> value(String field) {
    return Optional.ofNullable(values.get(field));
  }

  public Optional<FieldError> error(String field) {
    return Optional.ofNullable(errors.get(field));
  }

  public boolean isRelevant(String field) {
    return relevant.contains(field);
  }
}
