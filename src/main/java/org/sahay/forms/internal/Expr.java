package org.sahay.forms.internal;

import java.util.List;

/** An expression tree of the XPath subset that XLSForm uses. */
public sealed interface Expr
    permits Expr.Literal, Expr.Ref, Expr.Dot, Expr.Negate, Expr.Binary, Expr.Call {

  /** A string or number literal. */
  record Literal(Object value) implements Expr {}

  /** A field reference written as dollar, brace, name, brace. */
  record Ref(String name) implements Expr {}

  /** The current answer. */
  record Dot() implements Expr {}

  record Negate(Expr operand) implements Expr {}

  record Binary(Op op, Expr left, Expr right) implements Expr {}

  record Call(String function, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  enum Op {
    OR,
    AND,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    TIMES,
    DIV,
    MOD
  }
}
