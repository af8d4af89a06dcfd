package org.sahay.forms.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.sahay.forms.internal.Expr.Binary;

/**
 * Evaluates expressions the XPath 1.0 way, as ODK does. Values are strings, numbers (double),
 * booleans and dates. An empty or unanswered field is the empty string, whose number is NaN, so
 * that any arithmetic on it gives NaN and any order comparison with it is false. Dates compare as
 * dates with dates and with ISO date strings; in arithmetic a date is its count of days since
 * 1970-01-01.
 */
public final class Evaluator {

  /** Where references and the current answer get their values. */
  public interface Scope {
    Object value(String name);

    Object dot();

    LocalDate today();
  }

  private static final int ROUND_PLACES = 1_100;

  private Evaluator() {}

  public static Object evaluate(Expr expr, Scope scope) {
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    if (expr instanceof Expr.Ref ref) {
      Object value = scope.value(ref.name());
      return value == null ? "" : value;
    }
    if (expr instanceof Expr.Dot) {
      Object value = scope.dot();
      return value == null ? "" : value;
    }
    if (expr instanceof Expr.Negate negate) {
      return -number(evaluate(negate.operand(), scope));
    }
    if (expr instanceof Binary binary) {
      return binary(binary, scope);
    }
    return call((Expr.Call) expr, scope);
  }

  private static Object binary(Binary binary, Scope scope) {
    switch (binary.op()) {
      case OR:
        return truthy(evaluate(binary.left(), scope)) || truthy(evaluate(binary.right(), scope));
      case AND:
        return truthy(evaluate(binary.left(), scope)) && truthy(evaluate(binary.right(), scope));
      default:
        break;
    }
    Object left = evaluate(binary.left(), scope);
    Object right = evaluate(binary.right(), scope);
    switch (binary.op()) {
      case EQ:
        return equal(left, right);
      case NE:
        return !equal(left, right);
      case LT:
      case LE:
      case GT:
      case GE:
        return ordered(binary.op(), left, right);
      case PLUS:
        return number(left) + number(right);
      case MINUS:
        return number(left) - number(right);
      case TIMES:
        return number(left) * number(right);
      case DIV:
        return number(left) / number(right);
      default:
        return number(left) % number(right);
    }
  }

  private static boolean equal(Object left, Object right) {
    LocalDate[] dates = dates(left, right);
    if (dates != null) {
      return dates[0].equals(dates[1]);
    }
    if (left instanceof Boolean || right instanceof Boolean) {
      return truthy(left) == truthy(right);
    }
    if (left instanceof Double || right instanceof Double) {
      return number(left) == number(right);
    }
    return string(left).equals(string(right));
  }

  /** An order comparison; false whenever a side is not a number (nor both dates). */
  private static boolean ordered(Expr.Op op, Object left, Object right) {
    int order;
    LocalDate[] dates = dates(left, right);
    if (dates != null) {
      order = dates[0].compareTo(dates[1]);
    } else {
      double a = number(left);
      double b = number(right);
      if (Double.isNaN(a) || Double.isNaN(b)) {
        return false;
      }
      order = Double.compare(a, b);
      if (a == b) {
        order = 0;
      }
    }
    switch (op) {
      case LT:
        return order < 0;
      case LE:
        return order <= 0;
      case GT:
        return order > 0;
      default:
        return order >= 0;
    }
  }

  private static LocalDate[] dates(Object left, Object right) {
    if (!(left instanceof LocalDate) && !(right instanceof LocalDate)) {
      return null;
    }
    LocalDate a = date(left);
    LocalDate b = date(right);
    return a == null || b == null ? null : new LocalDate[] {a, b};
  }

  private static Object call(Expr.Call call, Scope scope) {
    List<Expr> args = call.args();
    switch (call.function()) {
      case "not":
        return !truthy(evaluate(args.get(0), scope));
      case "true":
        return true;
      case "false":
        return false;
      case "selected":
        return selections(evaluate(args.get(0), scope))
            .contains(string(evaluate(args.get(1), scope)).strip());
      case "count-selected":
        return (double) selections(evaluate(args.get(0), scope)).size();
      case "if":
        return truthy(evaluate(args.get(0), scope))
            ? evaluate(args.get(1), scope)
            : evaluate(args.get(2), scope);
      case "string-length":
        String text = string(args.isEmpty() ? scope.dot() : evaluate(args.get(0), scope));
        return (double) text.codePointCount(0, text.length());
      case "today":
        return scope.today();
      case "int":
        return truncate(number(evaluate(args.get(0), scope)));
      case "round":
        double digits = args.size() > 1 ? number(evaluate(args.get(1), scope)) : 0;
        return round(number(evaluate(args.get(0), scope)), digits);
      case "coalesce":
        Object first = evaluate(args.get(0), scope);
        return string(first).isEmpty() ? evaluate(args.get(1), scope) : first;
      case "concat":
        StringBuilder joined = new StringBuilder();
        for (Expr arg : args) {
          joined.append(string(evaluate(arg, scope)));
        }
        return joined.toString();
      case "number":
        return number(evaluate(args.get(0), scope));
      case "string":
        return string(evaluate(args.get(0), scope));
      case "date":
        Object value = evaluate(args.get(0), scope);
        LocalDate date = date(value);
        return date == null ? "" : date;
      default:
        throw new IllegalStateException("function checked at parse time: " + call.function());
    }
  }

  private static double truncate(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return value < 0 ? Math.ceil(value) : Math.floor(value);
  }

  private static double round(double value, double digits) {
    if (Double.isNaN(value) || Double.isInfinite(value) || Double.isNaN(digits)) {
      return value;
    }
    // A double has no decimal digit past the 1,074th place and is below 10^309, so rounding to
    // more places than that changes nothing and to fewer gives 0; the bound keeps a form's
    // round(x, 1e80) from asking BigDecimal for a power of ten it cannot hold.
    int places = (int) Math.max(-ROUND_PLACES, Math.min(ROUND_PLACES, digits));
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  private static List<String> selections(Object value) {
    String text = string(value).strip();
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
  }

  /** XPath boolean(): non-empty strings, non-zero numbers and dates are true. */
  public static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    if (value instanceof LocalDate) {
      return true;
    }
    return value != null && !value.toString().isEmpty();
  }

  /** XPath number(): NaN for what is not a number; true is 1; a date is its epoch day. */
  public static double number(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof LocalDate date) {
      return date.toEpochDay();
    }
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty() || !text.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  /** XPath string(): whole numbers without a decimal point, dates as yyyy-MM-dd. */
  public static String string(Object value) {
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      if (d.isInfinite()) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value == null ? "" : value.toString();
  }

  static LocalDate date(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Double d) {
      // A count of days beyond the calendar (a number typed where a date belongs) is no date.
      boolean inRange = d >= LocalDate.MIN.toEpochDay() && d <= LocalDate.MAX.toEpochDay();
      return d.isNaN() || !inRange ? null : LocalDate.ofEpochDay(d.longValue());
    }
    String text = value == null ? "" : value.toString().strip();
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
