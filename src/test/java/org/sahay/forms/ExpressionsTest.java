package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahay.forms.internal.Evaluator;
import org.sahay.forms.internal.ExpressionException;
import org.sahay.forms.internal.ExpressionParser;

class ExpressionsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

  private static final Map<String, Object> FIELDS =
      Map.of(
          "age", 34.0,
          "name", "Asha",
          "empty", "",
          "items", "rice dal oil",
          "dob", LocalDate.of(1990, 5, 17),
          "yes", "yes");

  private static String eval(String source) {
    return eval(source, "");
  }

  private static String eval(String source, Object dot) {
    try {
      Object value =
          Evaluator.evaluate(
              ExpressionParser.parse(source),
              new Evaluator.Scope() {
                @Override
                public Object value(String name) {
                  return FIELDS.getOrDefault(name, "");
                }

                @Override
                public Object dot() {
                  return dot;
                }

                @Override
                public LocalDate today() {
                  return TODAY;
                }
              });
      return Evaluator.string(value);
    } catch (ExpressionException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "10 - 4 - 3; 3",
        "7 div 2; 3.5",
        "7 mod 3; 1",
        "-7 mod 3; -1",
        "-2 * 3; -6",
        "- - 4; 4",
        "2 + 3 > 4; true",
        "1 < 2 = 2 < 3; true",
        "1 = 1 or 1 = 2 and 1 = 3; true",
        "(1 = 1 or 1 = 2) and 1 = 3; false",
        "not(1 = 2) and 3 >= 3; true",
        "2 <= 1; false",
        "2 != 3; true",
        "1 div 0; Infinity",
        "0.5 + .25; 0.75"
      })
  void operatorsFollowXPathPrecedence(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "${age} + 1; 35",
        "${age} >= 18 and ${age} < 60; true",
        "${name} = 'Asha'; true",
        "concat(${name}, ' ', 'K'); Asha K",
        "selected(${items}, 'dal'); true",
        "selected(${items}, 'salt'); false",
        "count-selected(${items}); 3",
        "count-selected(${empty}); 0",
        "if(${age} > 30, 'older', 'younger'); older",
        "string-length(${name}); 4",
        "string-length('తెలుగు'); 6",
        "today(); 2026-03-31",
        "int(7.9); 7",
        "int(-7.9); -7",
        "round(2.5); 3",
        "round(3.14159, 2); 3.14",
        "round(1250, -2); 1300",
        "round(3.14159, 66666666666666666666666666666666666666666666666666666666666666); 3.14159",
        "round(1250, -66666666666666666666666666666666666666666666666666666666666666); 0",
        "coalesce(${empty}, 'none'); none",
        "coalesce(${name}, 'none'); Asha",
        "number('12'); 12",
        "string(12); 12",
        "true() and not(false()); true",
        "date('2026-01-02') < today(); true"
      })
  void functionsWork(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "${empty} = ''; true",
        "${empty} > 0; false",
        "${empty} < 0; false",
        "${empty} = 0; false",
        "${empty} + 1; NaN",
        "${unknown} = ''; true",
        "${name} > 1; false",
        "not(${yes}); false",
        "not(${empty}); true"
      })
  void emptyAnswersAreEmptyStringsAndNaNInNumbers(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "${dob} < '2000-01-01'; true",
        "${dob} = '1990-05-17'; true",
        "${dob} > '1990-05-16'; true",
        "today() - ${dob} > 365 * 35; true",
        "${dob} < today(); true"
      })
  void datesCompareAsDates(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @Test
  void stringsMayUseDoubleQuotes() {
    assertThat(eval("concat(\"a\", 'b')")).isEqualTo("ab");
  }

  @Test
  void dotIsTheCurrentAnswer() {
    assertThat(eval(". >= 0 and . <= 10", 7.0)).isEqualTo("true");
    assertThat(eval("string-length()", "abcd")).isEqualTo("4");
  }

  @ParameterizedTest(name = "{0} fails at {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "1 +; forms.problem.badExpression; 4",
        "(1 + 2; forms.problem.badExpression; 7",
        "${age; forms.problem.badExpression; 1",
        "'open; forms.problem.badExpression; 1",
        "1 ! 2; forms.problem.badExpression; 3",
        "1 2; forms.problem.badExpression; 3",
        "sum(1, 2); forms.problem.unknownFunction; 1",
        "x + 1; forms.problem.unsupportedPath; 1",
        "/data/age > 1; forms.problem.unsupportedPath; 1",
        "if(1, 2); forms.problem.wrongArguments; 1",
        "not(); forms.problem.wrongArguments; 1",
        "1 + today(1); forms.problem.wrongArguments; 5"
      })
  void brokenExpressionsFailWithTheirPosition(String source, String key, int position) {
    assertThatThrownBy(() -> ExpressionParser.parse(source))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo(key);
              assertThat(e.position()).isEqualTo(position);
            });
  }

  /**
   * A cell can hold 32,767 characters. Nesting or a chain that deep would overflow the stack of the
   * recursive parser or evaluator (a 500, not a message), so it is refused where it passes the
   * bound, and an expression just inside the bounds still works.
   */
  @ParameterizedTest(name = "{0}{1} x {2}{3}{4} x {2} is refused at character {5}")
  @CsvSource({
    "'', '(', 500, '1', ')', 101",
    "'', '-', 1000, '1', '', 101",
    "'', 'not(', 300, '1', ')', 404",
    "'1', ' + 1', 20000, '', '', 4001",
    "'-1', ' + 1', 1000, '', '', 4000"
  })
  void expressionsTooDeepOrTooLongAreRefusedAtTheirPosition(
      String first, String opening, int times, String middle, String closing, int position) {
    String source = first + opening.repeat(times) + middle + closing.repeat(times);
    assertThatThrownBy(() -> ExpressionParser.parse(source))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("forms.problem.badExpression");
              assertThat(e.position()).isEqualTo(position);
            });
  }

  @Test
  void expressionsJustInsideTheBoundsWork() {
    assertThat(eval("(".repeat(100) + "1" + ")".repeat(100))).isEqualTo("1");
    assertThat(eval("-".repeat(100) + "1")).isEqualTo("1");
    assertThat(eval("1" + " + 1".repeat(400))).isEqualTo("401");
    assertThat(eval("-1" + " + 1".repeat(999) + " ")).as("2,000 tokens").isEqualTo("998");
  }

  @Test
  void referencesAreCollectedInOrder() throws ExpressionException {
    assertThat(ExpressionParser.references(ExpressionParser.parse("${b} + ${a} * ${b}")))
        .containsExactly("b", "a");
  }
}
