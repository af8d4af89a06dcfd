package org.sahay.platform;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows again after a refusal: the values typed (never passwords) and a message key per
 * wrong field.
 */
public record FormState(Map<String, String> values, Map<String, String> errors)
    implements Serializable {

  public FormState {
    values = Map.copyOf(values);
    errors = Map.copyOf(errors);
  }

  public static FormState empty() {
    return new FormState(Map.of(), Map.of());
  }

  /** Values as typed; nulls are dropped. */
  public static FormState of(Map<String, String> values, Map<String, String> errors) {
    Map<String, String> kept = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            kept.put(k, v);
          }
        });
    return new FormState(kept, errors);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
