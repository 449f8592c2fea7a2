package org.sparkgd.formula;

/** Column and term names written as R writes them in term labels and coefficient names. */
final class Names {
  private Names() {}

  /** The name as is when R would accept it bare, else in backquotes ({@code `TV spend`}). */
  static String quoted(String name) {
    return isSyntactic(name) ? name : "`" + name + "`";
  }

  /** R's rule: letters, digits, '.' and '_', starting with a letter or a '.' not before a digit. */
  static boolean isSyntactic(String name) {
    if (name.isEmpty()) {
      return false;
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) || first == '.')) {
      return false;
    }
    if (first == '.' && name.length() > 1 && Character.isDigit(name.charAt(1))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!FormulaLexer.isNamePart(name.charAt(i))) {
        return false;
      }
    }
    return !name.equals(".");
  }
}
