package org.sparkgd.data;

import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.formula.Design;

/**
 * One task's buffers for turning a raw row (a formula's numeric columns then the label, and its
 * string columns) into a design row followed by the label, without allocating per row.
 */
final class DesignRow {
  private final Design design;
  private final List<String> names;
  private final boolean weighted;
  /** The design's numeric columns, then the label (then the weight). */
  final double[] numbers;
  final String[] strings;

  DesignRow(Design design, boolean weighted) {
    this.design = design;
    this.weighted = weighted;
    this.names = design.columnNames();
    this.numbers = new double[design.numericColumns().size() + (weighted ? 2 : 1)];
    this.strings = new String[design.stringColumns().size()];
  }

  /**
   * The raw numeric columns to read, then the label and the weight column (unless null).
   *
   * @throws UserError when the weight is a column of text (a factor of the formula)
   */
  static List<String> numericColumns(Design design, String weight) {
    if (weight != null && design.stringColumns().contains(weight)) {
      throw new UserError("--weight " + weight + ": the column holds text (the formula uses it "
          + "as a factor); a weight must be a number");
    }
    List<String> columns = new java.util.ArrayList<>(design.numericColumns());
    columns.add(design.label());
    if (weight != null) {
      columns.add(weight);
    }
    return columns;
  }

  /**
   * Writes the design row, the label (and the weight) into {@code out}; returns what is wrong
   * (a power or product that overflowed), or null.
   */
  String expandInto(double[] out) {
    design.expand(numbers, strings, out, 0);
    int width = design.width();
    for (int j = 0; j < width; j++) {
      if (!Double.isFinite(out[j])) {
        return "the term '" + names.get(j) + "' is " + out[j] + ", not a finite number";
      }
    }
    int label = design.numericColumns().size();
    out[width] = numbers[label];
    if (weighted) {
      out[width + 1] = numbers[label + 1];
    }
    return null;
  }
}
