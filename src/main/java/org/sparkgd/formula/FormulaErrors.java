package org.sparkgd.formula;

import java.util.List;
import org.sparkgd.NameHints;
import org.sparkgd.UserError;

/**
 * Builds the one-line errors about a formula, all starting with {@code --formula '<text>': } so
 * the user sees which option and which text is wrong.
 */
final class FormulaErrors {
  private final String text;

  FormulaErrors(String text) {
    this.text = text;
  }

  /** A mistake at a 1-based character position. */
  UserError at(int position, String what) {
    return UserError.usage(prefix() + what + " at position " + position);
  }

  /** A mistake at a position, with a hint on what to write instead. */
  UserError at(int position, String what, String hint) {
    return UserError.usage(prefix() + what + " at position " + position + "; " + hint);
  }

  /** A mistake in the formula as a whole. */
  UserError of(String what) {
    return UserError.usage(prefix() + what);
  }

  /** No such column: names the closest one and lists the columns, as the column selection does. */
  UserError unknownColumn(String name, List<String> columns) {
    return UserError.usage(prefix() + "no column '" + name + "'" + NameHints.closest(name, columns)
        + "; the columns are: " + NameHints.listed(columns));
  }

  private String prefix() {
    return "--formula '" + text + "': ";
  }
}
