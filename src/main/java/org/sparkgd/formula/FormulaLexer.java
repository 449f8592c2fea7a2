package org.sparkgd.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into tokens, each with its 1-based position, so that every error can point at
 * the character that is wrong. White space separates tokens and is otherwise ignored.
 */
final class FormulaLexer {
  /** The kinds of token the grammar knows. */
  enum Kind { NAME, NUMBER, DOT, TILDE, PLUS, MINUS, STAR, COLON, CARET, LPAREN, RPAREN, END }

  /**
   * One token.
   *
   * @param text the name (without backquotes), the number's digits, or the operator
   * @param position 1-based character position of its first character
   */
  record Token(Kind kind, String text, int position) {
    String describe() {
      return kind == Kind.END ? "the end" : "'" + text + "'";
    }
  }

  private final String text;
  private final FormulaErrors errors;

  FormulaLexer(String text, FormulaErrors errors) {
    this.text = text;
    this.errors = errors;
  }

  List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int position = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '`') {
        int close = text.indexOf('`', i + 1);
        if (close < 0) {
          throw errors.at(position, "the backquote is never closed");
        }
        if (close == i + 1) {
          throw errors.at(position, "empty backquoted name");
        }
        tokens.add(new Token(Kind.NAME, text.substring(i + 1, close), position));
        i = close + 1;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < text.length()
            && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(i, end), position));
        i = end;
      } else if (Character.isLetter(c) || c == '.' || c == '_') {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        String name = text.substring(i, end);
        tokens.add(new Token(name.equals(".") ? Kind.DOT : Kind.NAME, name, position));
        i = end;
      } else {
        Kind kind = operator(c);
        if (kind == null) {
          String what = "unexpected character '" + c + "'";
          throw c == '"' || c == '\''
              ? errors.at(position, what, "quote odd column names with backquotes (`TV spend`)")
              : errors.at(position, what);
        }
        tokens.add(new Token(kind, String.valueOf(c), position));
        i++;
      }
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
    return tokens;
  }

  static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_';
  }

  private static Kind operator(char c) {
    return switch (c) {
      case '~' -> Kind.TILDE;
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '*' -> Kind.STAR;
      case ':' -> Kind.COLON;
      case '^' -> Kind.CARET;
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      default -> null;
    };
  }
}
