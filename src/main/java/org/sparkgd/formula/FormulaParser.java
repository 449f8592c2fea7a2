package org.sparkgd.formula;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.formula.FormulaLexer.Kind;
import org.sparkgd.formula.FormulaLexer.Token;

/**
 * Recursive-descent parser for {@code label ~ terms}, with R's precedence: {@code ^} binds
 * tightest, then {@code :}, then {@code *}, then {@code +} and {@code -}.
 */
final class FormulaParser {
  private final List<Token> tokens;
  private final FormulaErrors errors;
  private int next;

  FormulaParser(List<Token> tokens, FormulaErrors errors) {
    this.tokens = tokens;
    this.errors = errors;
  }

  /** The label (first) and the right side. */
  record Parsed(String label, FormulaNode rhs) {}

  Parsed parse() {
    Token first = peek();
    if (first.kind() == Kind.END) {
      throw errors.of("is empty; write it as 'label ~ terms', for example 'sales ~ TV + radio'");
    }
    if (first.kind() == Kind.TILDE) {
      throw errors.at(first.position(), "expected the label column before '~'");
    }
    if (first.kind() != Kind.NAME) {
      throw errors.at(first.position(), "expected the label column, found " + first.describe());
    }
    advance();
    Token tilde = peek();
    if (tilde.kind() != Kind.TILDE) {
      throw errors.at(tilde.position(), "expected '~' after the label '" + first.text()
          + "', found " + tilde.describe());
    }
    advance();
    if (peek().kind() != Kind.PLUS && peek().kind() != Kind.MINUS) {
      expectTermAfter(tilde);
    }
    FormulaNode rhs = sum();
    Token end = peek();
    if (end.kind() == Kind.RPAREN) {
      throw errors.at(end.position(), "')' has no matching '('");
    }
    if (end.kind() != Kind.END) {
      String what = "unexpected " + end.describe();
      throw end.kind() == Kind.TILDE ? errors.at(end.position(), what)
          : errors.at(end.position(), what, "terms are joined by '+', ':' or '*'");
    }
    return new Parsed(first.text(), rhs);
  }

  private FormulaNode sum() {
    List<FormulaNode.Signed> parts = new ArrayList<>();
    boolean minus = false;
    if (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      Token sign = advance();
      minus = sign.kind() == Kind.MINUS;
      expectTermAfter(sign);
    }
    parts.add(new FormulaNode.Signed(minus, product()));
    while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      Token op = advance();
      expectTermAfter(op);
      parts.add(new FormulaNode.Signed(op.kind() == Kind.MINUS, product()));
    }
    return parts.size() == 1 && !parts.get(0).minus() ? parts.get(0).node()
        : new FormulaNode.Sum(parts);
  }

  private FormulaNode product() {
    FormulaNode left = interaction();
    while (peek().kind() == Kind.STAR) {
      expectTermAfter(advance());
      left = new FormulaNode.Cross(left, interaction());
    }
    return left;
  }

  private FormulaNode interaction() {
    FormulaNode left = powered();
    while (peek().kind() == Kind.COLON) {
      expectTermAfter(advance());
      left = new FormulaNode.Interact(left, powered());
    }
    return left;
  }

  private FormulaNode powered() {
    FormulaNode base = primary();
    if (peek().kind() != Kind.CARET) {
      return base;
    }
    Token caret = advance();
    if (base instanceof FormulaNode.Column c) {
      String n = peek().kind() == Kind.NUMBER ? peek().text() : "2";
      throw errors.at(caret.position(), "'^' after a column is not a power in a formula",
          "write I(" + Names.quoted(c.name()) + "^" + n + ")");
    }
    return new FormulaNode.Degree(base, wholePower(caret), caret.position());
  }

  private FormulaNode primary() {
    Token t = advance();
    switch (t.kind()) {
      case DOT:
        return new FormulaNode.Dot(t.position());
      case NUMBER:
        if (!t.text().equals("0") && !t.text().equals("1")) {
          throw errors.at(t.position(), "'" + t.text() + "' is not a term",
              "only 0 and 1 (the intercept) can be added or removed");
        }
        return new FormulaNode.Constant(Integer.parseInt(t.text()), t.position());
      case LPAREN: {
        FormulaNode inner = sum();
        closeParen(t, "'('");
        return inner;
      }
      case NAME:
        if (t.text().equals("I") && peek().kind() == Kind.LPAREN) {
          return identity(t);
        }
        return new FormulaNode.Column(t.text(), t.position());
      default:
        throw errors.at(t.position(), "expected a term, found " + t.describe());
    }
  }

  /** {@code I(name^power)}, the only expression accepted inside {@code I()}. */
  private FormulaNode identity(Token i) {
    advance();
    Token name = advance();
    if (name.kind() != Kind.NAME) {
      throw errors.at(name.position(), "expected a column name in I(...), found "
          + name.describe());
    }
    Token caret = advance();
    if (caret.kind() != Kind.CARET) {
      throw errors.at(caret.position(), "expected '^' after '" + name.text() + "' in I(...), found "
          + caret.describe(), "only powers such as I(" + Names.quoted(name.text())
          + "^2) are supported");
    }
    int power = wholePower(caret);
    closeParen(i, "'I('");
    return new FormulaNode.Power(name.text(), power, i.position());
  }

  private int wholePower(Token caret) {
    Token n = advance();
    if (n.kind() != Kind.NUMBER || !n.text().matches("[0-9]{1,3}")
        || Integer.parseInt(n.text()) < 1) {
      throw errors.at(caret.position(), "expected a whole power from 1 to 999 after '^', found "
          + n.describe());
    }
    return Integer.parseInt(n.text());
  }

  private void closeParen(Token open, String what) {
    Token close = peek();
    if (close.kind() != Kind.RPAREN) {
      if (close.kind() == Kind.END) {
        throw errors.at(open.position(), what + " is never closed");
      }
      throw errors.at(close.position(), "expected ')' to close the " + what + " at position "
          + open.position() + ", found " + close.describe());
    }
    advance();
  }

  /** Fails unless the next token can start a term; names the operator before it. */
  private void expectTermAfter(Token op) {
    Kind k = peek().kind();
    if (k != Kind.NAME && k != Kind.DOT && k != Kind.NUMBER && k != Kind.LPAREN) {
      throw errors.at(op.position(), "expected a term after '" + op.text() + "'"
          + (k == Kind.END ? "" : ", found " + peek().describe()));
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token t = tokens.get(next);
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }
}
