package org.sparkgd.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sparkgd.UserError;
import org.sparkgd.formula.ColumnKind;

/**
 * What one pass over a CSV input learns about a formula's columns: a column is numeric when
 * every value parses as a finite number, else a string column whose distinct values are its
 * levels. Levels are kept up to a cap, so an ID-like column fails clearly instead of becoming
 * thousands of dummies.
 */
final class ColumnKinds implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final boolean[] numeric;
  private final String[] nonNumber;
  private final List<TreeSet<String>> values = new ArrayList<>();
  private final boolean[] overflowed;
  private final int maxLevels;

  ColumnKinds(List<String> names, int maxLevels) {
    this.names = List.copyOf(names);
    this.numeric = new boolean[names.size()];
    this.nonNumber = new String[names.size()];
    this.overflowed = new boolean[names.size()];
    this.maxLevels = maxLevels;
    java.util.Arrays.fill(numeric, true);
    for (int k = 0; k < names.size(); k++) {
      values.add(new TreeSet<>());
    }
  }

  /** Adds one row's cells, in the order of the names. */
  ColumnKinds add(String[] cells) {
    for (int k = 0; k < cells.length; k++) {
      if (numeric[k] && !isFiniteNumber(cells[k])) {
        numeric[k] = false;
        nonNumber[k] = cells[k];
      }
      keep(k, cells[k]);
    }
    return this;
  }

  ColumnKinds merge(ColumnKinds other) {
    for (int k = 0; k < numeric.length; k++) {
      if (numeric[k] && !other.numeric[k]) {
        nonNumber[k] = other.nonNumber[k];
      }
      numeric[k] &= other.numeric[k];
      overflowed[k] |= other.overflowed[k];
      for (String v : other.values.get(k)) {
        keep(k, v);
      }
    }
    return this;
  }

  private void keep(int k, String value) {
    if (!overflowed[k] && values.get(k).add(value) && values.get(k).size() > maxLevels) {
      overflowed[k] = true;
      values.get(k).clear();
    }
  }

  private static boolean isFiniteNumber(String text) {
    try {
      return Double.isFinite(JavaDoubleParser.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  Map<String, ColumnKind> kinds() {
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      kinds.put(names.get(k), numeric[k] ? ColumnKind.NUMERIC : ColumnKind.STRING);
    }
    return kinds;
  }

  /** The string columns' levels; fails for a column with more than the cap. */
  Map<String, List<String>> levels(String source) {
    Map<String, List<String>> levels = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      if (!numeric[k]) {
        if (overflowed[k]) {
          throw tooManyLevels(source, names.get(k), maxLevels, nonNumber[k]);
        }
        levels.put(names.get(k), List.copyOf(values.get(k)));
      }
    }
    return levels;
  }

  static UserError tooManyLevels(String source, String column, int max, String example) {
    return new UserError(source + ": column '" + column + "' holds text"
        + (example == null ? "" : " (e.g. '" + example + "')") + " with more than " + max
        + " distinct values; in a formula each becomes a dummy column: leave the column out "
        + "or make it numeric");
  }
}
