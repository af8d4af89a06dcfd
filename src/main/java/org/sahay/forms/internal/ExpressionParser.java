package org.sahay.forms.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.forms.internal.Expr.Binary;
import org.sahay.forms.internal.Expr.Op;

/**
 * Tokenizer and recursive-descent parser for the XPath subset of XLSForm. Precedence from loosest:
 * or, and, equality, relational, additive, multiplicative (*, div, mod), unary minus.
 */
public final class ExpressionParser {

  static final String BROKEN = "forms.problem.badExpression";
  static final String UNKNOWN_FUNCTION = "forms.problem.unknownFunction";
  static final String ARGUMENTS = "forms.problem.wrongArguments";
  static final String PATH = "forms.problem.unsupportedPath";

  /**
   * Bounds that keep the recursive parser and evaluator off the end of a request thread's stack: a
   * cell can hold 32,767 characters. Real calculations stay far inside them (a sum of 30 fields is
   * 60 tokens; nested if()s rarely go 20 deep).
   */
  static final int MAX_TOKENS = 2_000;

  static final int MAX_NESTING = 100;

  /** Supported functions with their least and most argument counts (-1: any number). */
  static final Map<String, int[]> FUNCTIONS =
      Map.ofEntries(
          Map.entry("not", new int[] {1, 1}),
          Map.entry("selected", new int[] {2, 2}),
          Map.entry("count-selected", new int[] {1, 1}),
          Map.entry("if", new int[] {3, 3}),
          Map.entry("string-length", new int[] {0, 1}),
          Map.entry("today", new int[] {0, 0}),
          Map.entry("int", new int[] {1, 1}),
          Map.entry("round", new int[] {1, 2}),
          Map.entry("coalesce", new int[] {2, 2}),
          Map.entry("concat", new int[] {0, -1}),
          Map.entry("true", new int[] {0, 0}),
          Map.entry("false", new int[] {0, 0}),
          Map.entry("number", new int[] {1, 1}),
          Map.entry("string", new int[] {1, 1}),
          Map.entry("date", new int[] {1, 1}));

  private enum Kind {
    NUMBER,
    STRING,
    REF,
    DOT,
    NAME,
    LPAREN,
    RPAREN,
    COMMA,
    SYMBOL,
    END
  }

  private record Token(Kind kind, String text, int position) {}

  private final String source;
  private final List<Token> tokens;
  private int next;
  private int nesting;

  private ExpressionParser(String source) throws ExpressionException {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Parses a whole expression. */
  public static Expr parse(String source) throws ExpressionException {
    ExpressionParser parser = new ExpressionParser(source);
    Expr expr = parser.or();
    Token end = parser.peek();
    if (end.kind != Kind.END) {
      throw parser.broken(end);
    }
    return expr;
  }

  /** The names of the fields an expression refers to, in order of appearance. */
  public static Set<String> references(Expr expr) {
    Set<String> names = new LinkedHashSet<>();
    collect(expr, names);
    return names;
  }

  private static void collect(Expr expr, Set<String> names) {
    if (expr instanceof Expr.Ref ref) {
      names.add(ref.name());
    } else if (expr instanceof Expr.Negate negate) {
      collect(negate.operand(), names);
    } else if (expr instanceof Binary binary) {
      collect(binary.left(), names);
      collect(binary.right(), names);
    } else if (expr instanceof Expr.Call call) {
      call.args().forEach(a -> collect(a, names));
    }
  }

  private Expr or() throws ExpressionException {
    Expr left = and();
    while (isName("or")) {
      next++;
      left = new Binary(Op.OR, left, and());
    }
    return left;
  }

  private Expr and() throws ExpressionException {
    Expr left = equality();
    while (isName("and")) {
      next++;
      left = new Binary(Op.AND, left, equality());
    }
    return left;
  }

  private Expr equality() throws ExpressionException {
    Expr left = relational();
    while (true) {
      if (isSymbol("=")) {
        next++;
        left = new Binary(Op.EQ, left, relational());
      } else if (isSymbol("!=")) {
        next++;
        left = new Binary(Op.NE, left, relational());
      } else {
        return left;
      }
    }
  }

  private Expr relational() throws ExpressionException {
    Expr left = additive();
    while (true) {
      Op op = null;
      if (isSymbol("<")) {
        op = Op.LT;
      } else if (isSymbol("<=")) {
        op = Op.LE;
      } else if (isSymbol(">")) {
        op = Op.GT;
      } else if (isSymbol(">=")) {
        op = Op.GE;
      }
      if (op == null) {
        return left;
      }
      next++;
      left = new Binary(op, left, additive());
    }
  }

  private Expr additive() throws ExpressionException {
    Expr left = multiplicative();
    while (true) {
      if (isSymbol("+")) {
        next++;
        left = new Binary(Op.PLUS, left, multiplicative());
      } else if (isSymbol("-")) {
        next++;
        left = new Binary(Op.MINUS, left, multiplicative());
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() throws ExpressionException {
    Expr left = unary();
    while (true) {
      Op op = null;
      if (isSymbol("*")) {
        op = Op.TIMES;
      } else if (isName("div")) {
        op = Op.DIV;
      } else if (isName("mod")) {
        op = Op.MOD;
      }
      if (op == null) {
        return left;
      }
      next++;
      left = new Binary(op, left, unary());
    }
  }

  private Expr unary() throws ExpressionException {
    if (isSymbol("-")) {
      enter();
      Expr operand = unary();
      nesting--;
      return new Expr.Negate(operand);
    }
    return primary();
  }

  private Expr primary() throws ExpressionException {
    Token token = peek();
    switch (token.kind) {
      case NUMBER:
        next++;
        return new Expr.Literal(Double.parseDouble(token.text));
      case STRING:
        next++;
        return new Expr.Literal(token.text);
      case REF:
        next++;
        return new Expr.Ref(token.text);
      case DOT:
        next++;
        return new Expr.Dot();
      case LPAREN:
        enter();
        Expr inner = or();
        expect(Kind.RPAREN);
        nesting--;
        return inner;
      case NAME:
        return call(token);
      default:
        throw broken(token);
    }
  }

  private Expr call(Token name) throws ExpressionException {
    next++;
    if (peek().kind != Kind.LPAREN) {
      throw new ExpressionException(PATH, name.position, name.text);
    }
    int[] arity = FUNCTIONS.get(name.text);
    if (arity == null) {
      throw new ExpressionException(UNKNOWN_FUNCTION, name.position, name.text);
    }
    enter();
    List<Expr> args = new ArrayList<>();
    if (peek().kind != Kind.RPAREN) {
      args.add(or());
      while (peek().kind == Kind.COMMA) {
        next++;
        args.add(or());
      }
    }
    expect(Kind.RPAREN);
    nesting--;
    if (args.size() < arity[0] || (arity[1] >= 0 && args.size() > arity[1])) {
      throw new ExpressionException(ARGUMENTS, name.position, name.text);
    }
    return new Expr.Call(name.text, args);
  }

  /** Steps over an opening token (a parenthesis or a minus), refusing it past the nesting bound. */
  private void enter() throws ExpressionException {
    if (++nesting > MAX_NESTING) {
      throw broken(peek());
    }
    next++;
  }

  private void expect(Kind kind) throws ExpressionException {
    Token token = peek();
    if (token.kind != kind) {
      throw broken(token);
    }
    next++;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean isName(String name) {
    Token token = peek();
    return token.kind == Kind.NAME && token.text.equals(name);
  }

  private boolean isSymbol(String symbol) {
    Token token = peek();
    return token.kind == Kind.SYMBOL && token.text.equals(symbol);
  }

  private ExpressionException broken(Token token) {
    return new ExpressionException(BROKEN, token.position, near(source, token.position - 1));
  }

  private static String near(String source, int index) {
    if (index >= source.length()) {
      return "end";
    }
    int end = Math.min(source.length(), index + 12);
    return source.substring(index, end).strip();
  }

  private static List<Token> tokenize(String source) throws ExpressionException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int position = i + 1;
      if (tokens.size() == MAX_TOKENS && !Character.isWhitespace(c)) {
        throw new ExpressionException(BROKEN, position, near(source, i));
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '$') {
        int close = source.indexOf('}', i);
        if (i + 1 >= n || source.charAt(i + 1) != '{' || close < 0) {
          throw new ExpressionException(BROKEN, position, near(source, i));
        }
        String name = source.substring(i + 2, close).strip();
        if (!Names.isValid(name)) {
          throw new ExpressionException(BROKEN, position, near(source, i));
        }
        tokens.add(new Token(Kind.REF, name, position));
        i = close + 1;
      } else if (c == '\'' || c == '"') {
        int close = source.indexOf(c, i + 1);
        if (close < 0) {
          throw new ExpressionException(BROKEN, position, near(source, i));
        }
        tokens.add(new Token(Kind.STRING, source.substring(i + 1, close), position));
        i = close + 1;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(source.charAt(i + 1)))) {
        int start = i;
        while (i < n && isDigit(source.charAt(i))) {
          i++;
        }
        if (i < n && source.charAt(i) == '.') {
          i++;
          while (i < n && isDigit(source.charAt(i))) {
            i++;
          }
        }
        tokens.add(new Token(Kind.NUMBER, source.substring(start, i), position));
      } else if (c == '.') {
        if (i + 1 < n && (source.charAt(i + 1) == '.' || source.charAt(i + 1) == '/')) {
          throw new ExpressionException(PATH, position, near(source, i));
        }
        tokens.add(new Token(Kind.DOT, ".", position));
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && isNameChar(source.charAt(i))) {
          i++;
        }
        // A trailing hyphen belongs to a following minus, as in a-1 written without spaces.
        while (source.charAt(i - 1) == '-') {
          i--;
        }
        tokens.add(new Token(Kind.NAME, source.substring(start, i), position));
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", position));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", position));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", position));
        i++;
      } else if (c == '!' || c == '<' || c == '>') {
        boolean withEquals = i + 1 < n && source.charAt(i + 1) == '=';
        if (c == '!' && !withEquals) {
          throw new ExpressionException(BROKEN, position, near(source, i));
        }
        tokens.add(new Token(Kind.SYMBOL, withEquals ? c + "=" : String.valueOf(c), position));
        i += withEquals ? 2 : 1;
      } else if (c == '=' || c == '+' || c == '-' || c == '*') {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), position));
        i++;
      } else if (c == '/' || c == '[' || c == '@' || c == '|') {
        throw new ExpressionException(PATH, position, near(source, i));
      } else {
        throw new ExpressionException(BROKEN, position, near(source, i));
      }
    }
    tokens.add(new Token(Kind.END, "", n + 1));
    return tokens;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
