package org.sparkgd.formula;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sparkgd.UserError;

/**
 * A string column's levels in sorted order (the first is the reference, as in R) and the lookup
 * from a value to its level, done once per factor per term per row. Levels sort by Java's String
 * order (UTF-16 code units), as Spark's {@code StringIndexer} with {@code alphabetAsc} does; R
 * sorts by the locale's collation, which differs only for mixed case or accents ("B" before "a"
 * here, after it in R under en_US).
 */
final class Factor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_LISTED = 20;

  private final String column;
  private final List<String> levels;
  private final HashMap<String, Integer> indexOf = new HashMap<>();

  /** @param levels the distinct values seen, in any order; sorted here by String order */
  Factor(String column, Collection<String> levels) {
    this.column = column;
    for (String level : levels) {
      if (level == null) {
        throw new IllegalArgumentException("null level of " + column);
      }
    }
    this.levels = List.copyOf(new TreeSet<>(levels));
    if (this.levels.size() < 2) {
      throw new UserError("column '" + column + "' has "
          + (this.levels.isEmpty() ? "no values" : "the single value '" + this.levels.get(0) + "'")
          + "; a string column in a formula needs at least two levels");
    }
    for (int k = 0; k < this.levels.size(); k++) {
      indexOf.put(this.levels.get(k), k);
    }
  }

  String column() {
    return column;
  }

  List<String> levels() {
    return levels;
  }

  /** The level's index; an unseen value (a new level at predict time) is the user's to fix. */
  int indexOf(String value) {
    Integer index = value == null ? null : indexOf.get(value);
    if (index == null) {
      throw new UserError("column '" + column + "' has "
          + (value == null ? "no value" : "the value '" + value + "'")
          + ", which is not one of the levels the model was fitted with: " + listed());
    }
    return index;
  }

  private String listed() {
    List<String> shown = new ArrayList<>(levels.subList(0, Math.min(MAX_LISTED, levels.size())));
    return String.join(", ", shown)
        + (levels.size() > MAX_LISTED ? " and " + (levels.size() - MAX_LISTED) + " more" : "");
  }

  /** The levels as saved, for {@link DesignJson}. */
  static Map<String, List<String>> levelsOf(List<Factor> factors) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Factor f : factors) {
      out.put(f.column, f.levels);
    }
    return out;
  }
}
