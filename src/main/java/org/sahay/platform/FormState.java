package org.sahay.platform;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

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

  /**
   * The fields of a bound form record as typed (its text, number, yes/no and choice components; a
   * list is left out), shown again beside the errors.
   */
  public static FormState of(Record form, Map<String, String> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    for (var component : form.getClass().getRecordComponents()) {
      Object value;
      try {
        component.getAccessor().setAccessible(true);
        value = component.getAccessor().invoke(form);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof String
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof Enum<?>) {
        values.put(component.getName(), String.valueOf(value));
      }
    }
    return new FormState(values, errors);
  }

  /**
   * As {@link #of(Record, Map)}, but a field the binder could not convert (a number typed as words)
   * is shown again as it was typed rather than as empty.
   */
  public static FormState of(Record form, Errors binding, Map<String, String> errors) {
    Map<String, String> values = new LinkedHashMap<>(of(form, errors).values());
    for (FieldError error : binding.getFieldErrors()) {
      if (error.getRejectedValue() instanceof String typed) {
        values.put(error.getField(), typed);
      }
    }
    return new FormState(values, errors);
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
