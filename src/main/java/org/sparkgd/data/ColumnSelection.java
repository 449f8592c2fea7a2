package org.sparkgd.data;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.NameHints;
import org.sparkgd.UserError;

/** Finds the chosen feature and label columns among an input's columns, or says what is wrong. */
public final class ColumnSelection {
  private ColumnSelection() {}

  /**
   * Returns the input's column index for each feature, in order, then for the label.
   *
   * @param source the file or path named in errors
   */
  /** The delimiters a file read with another one may turn out to use. */
  private static final char[] OTHER_DELIMITERS = {';', '\t', '|'};

  public static int[] resolve(List<String> available, List<String> features, String label,
      String source) {
    if (available.size() == 1) {
      String only = available.get(0);
      for (char d : OTHER_DELIMITERS) {
        if (only.indexOf(d) >= 0) {
          throw new UserError(source + ": the header has a single column '" + abbreviate(only)
              + "'" + seemsDelimitedBy(d));
        }
      }
    }
    List<String> wanted = new ArrayList<>(features);
    wanted.add(label);
    int[] indices = new int[wanted.size()];
    for (int k = 0; k < wanted.size(); k++) {
      String name = wanted.get(k);
      int index = available.indexOf(name);
      if (index < 0) {
        throw new UserError(source + ": no column '" + name + "'"
            + NameHints.closest(name, available) + "; the columns are: "
            + NameHints.listed(available));
      }
      if (available.lastIndexOf(name) != index) {
        throw new UserError(source + ": the header names column '" + name + "' more than once"
            + " (columns " + (index + 1) + " and " + (available.lastIndexOf(name) + 1) + ")");
      }
      indices[k] = index;
    }
    return indices;
  }

  /**
   * Returns the input's column index of each wanted column, in order; when some are missing,
   * fails naming all of them at once.
   *
   * @param what what the columns are, for the error ("the model's feature columns")
   */
  public static int[] requireAll(List<String> available, List<String> wanted, String what,
      String source) {
    int[] indices = new int[wanted.size()];
    List<String> missing = new ArrayList<>();
    // A column already found or already suggested is no hint for another missing one.
    List<String> candidates = new ArrayList<>(available);
    candidates.removeAll(wanted);
    for (int k = 0; k < wanted.size(); k++) {
      indices[k] = available.indexOf(wanted.get(k));
      if (indices[k] < 0) {
        String hint = NameHints.closest(wanted.get(k), candidates);
        missing.add("'" + wanted.get(k) + "'" + hint);
        candidates.removeIf(c -> hint.equals(" (did you mean '" + c + "'?)"));
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError(source + ": no column" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + "; " + what + " are " + String.join(", ", wanted)
          + "; the columns are: " + NameHints.listed(available));
    }
    return indices;
  }

  /**
   * For a header that {@code delimiter} cannot split (a quoted {@code "TV";"radio"} read with
   * commas): the hint naming the delimiter that splits it into several columns, else "".
   */
  static String delimiterHint(String header, char delimiter) {
    for (char d : OTHER_DELIMITERS) {
      try {
        if (d != delimiter && new CsvLineParser(d, new int[0]).splitHeader(header).size() > 1) {
          return seemsDelimitedBy(d);
        }
      } catch (CsvLineParser.CellException e) {
        // not this one either
      }
    }
    return "";
  }

  private static String seemsDelimitedBy(char d) {
    String name = switch (d) {
      case '\t' -> "tabs";
      case ';' -> "semicolons";
      default -> "'" + d + "'";
    };
    return "; the file seems to be delimited by " + name + ": pass --delimiter '"
        + (d == '\t' ? "\\t" : String.valueOf(d)) + "'";
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
