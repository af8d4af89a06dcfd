package org.sahay.forms.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sahay.forms.Choice;
import org.sahay.forms.FieldError;
import org.sahay.forms.Question;

/** Reads a raw answer as its question type says, as ODK writes answers. */
final class Answers {

  /** A typed answer: the value given out, the value expressions see, the string to store. */
  record Typed(Object value, Object expressionValue, String stored) {}

  /** Either a typed answer or what is wrong with the raw one. */
  record Outcome(Typed typed, FieldError error) {}

  private Answers() {}

  /** Reads a non-blank raw answer of an input question. */
  static Outcome read(Question question, String raw, List<Choice> choices) {
    String text = raw.strip();
    switch (question.type()) {
      case INTEGER:
        if (!text.matches("[-+]?\\d{1,18}")) {
          return error("forms.answer.integer");
        }
        long whole = Long.parseLong(text);
        return ok(whole, (double) whole, Long.toString(whole));
      case DECIMAL:
        if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
          return error("forms.answer.decimal");
        }
        BigDecimal decimal = new BigDecimal(text);
        return ok(decimal, decimal.doubleValue(), decimal.toPlainString());
      case DATE:
        try {
          if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return error("forms.answer.date");
          }
          LocalDate date = LocalDate.parse(text);
          return ok(date, date, date.toString());
        } catch (DateTimeParseException e) {
          return error("forms.answer.date");
        }
      case SELECT_ONE:
        if (choices.stream().noneMatch(c -> c.name().equals(text))) {
          return error("forms.answer.choice");
        }
        return ok(text, text, text);
      case SELECT_MULTIPLE:
        Set<String> picked = new LinkedHashSet<>(List.of(text.split("\\s+")));
        for (String value : picked) {
          if (choices.stream().noneMatch(c -> c.name().equals(value))) {
            return error("forms.answer.choice");
          }
        }
        String joined = String.join(" ", picked);
        return ok(List.copyOf(new ArrayList<>(picked)), joined, joined);
      default:
        return ok(raw, raw, raw);
    }
  }

  private static Outcome ok(Object value, Object expressionValue, String stored) {
    return new Outcome(new Typed(value, expressionValue, stored), null);
  }

  /** The value is left out of the error: answers may be sensitive and errors travel far. */
  private static Outcome error(String key) {
    return new Outcome(null, FieldError.ofKey(key));
  }
}
