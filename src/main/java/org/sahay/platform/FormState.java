package org.sahay.platform;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
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
   * The fields of a bound form record as typed (its text, number, date, yes/no, choice and
   * identifier components; a list of rows as {@code lines[0].item} and so on), shown again beside
   * the errors.
   */
  public static FormState of(Record form, Map<String, String> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "", form);
    return new FormState(values, errors);
  }

  private static void put(Map<String, String> values, String prefix, Record form) {
    for (var component : form.getClass().getRecordComponents()) {
      Object value;
      try {
        component.getAccessor().setAccessible(true);
        value = component.getAccessor().invoke(form);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = prefix + component.getName();
      if (value instanceof List<?> rows) {
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i) instanceof Record row) {
            put(values, name + "[" + i + "].", row);
          }
        }
      } else if (value instanceof Record id && id.getClass().getRecordComponents().length == 1) {
        values.put(name, id.toString());
      } else if (value instanceof String
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof Enum<?>
          || value instanceof Temporal) {
        values.put(name, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
      }
    }
  }

  /**
   * What the binder could not read (a word where a number goes, a date that is not one), each as a
   * message key from {@code keys}, which names fields with list positions left out ({@code
   * lines.quantity}); the error is reported under the top-level field ({@code lines}), as the page
   * marks it. A field without a key of its own says it could not be read.
   */
  public static Map<String, String> unreadable(Errors binding, Map<String, String> keys) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : binding.getFieldErrors()) {
      String path = error.getField().replaceAll("\\[\\d+]", "");
      int dot = path.indexOf('.');
      errors.putIfAbsent(
          dot < 0 ? path : path.substring(0, dot), keys.getOrDefault(path, "form.unreadable"));
    }
    return errors;
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
