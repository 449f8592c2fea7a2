package org.sparkgd.formula;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.sparkgd.UserError;

/**
 * Builds the one-line errors about a formula, all starting with {@code --formula '<text>': } so
 * the user sees which option and which text is wrong.
 */
final class FormulaErrors {
  private static final int MAX_LISTED = 20;
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
    return UserError.usage(prefix() + "no column '" + name + "'" + closest(name, columns)
        + "; the columns are: " + listed(columns));
  }

  private String prefix() {
    return "--formula '" + text + "': ";
  }

  /** The most similar name, as {@code ColumnSelection} suggests it, or "". */
  static String closest(String name, List<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = candidate.equalsIgnoreCase(name) ? 0
          : distance.apply(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    boolean similar = best != null && bestDistance <= Math.max(2, name.length() / 3);
    return similar ? " (did you mean '" + best + "'?)" : "";
  }

  static String listed(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String a : names.subList(0, Math.min(MAX_LISTED, names.size()))) {
      shown.add(a.isEmpty() ? "(unnamed)" : a);
    }
    String more = names.size() > MAX_LISTED ? " and " + (names.size() - MAX_LISTED) + " more" : "";
    return String.join(", ", shown) + more;
  }
}
