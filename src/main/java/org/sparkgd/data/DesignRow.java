package org.sparkgd.data;

import java.util.List;
import org.sparkgd.formula.Design;

/**
 * One task's buffers for turning a raw row (a formula's numeric columns then the label, and its
 * string columns) into a design row followed by the label, without allocating per row.
 */
final class DesignRow {
  private final Design design;
  private final List<String> names;
  /** The design's numeric columns, then the label. */
  final double[] numbers;
  final String[] strings;

  DesignRow(Design design) {
    this.design = design;
    this.names = design.columnNames();
    this.numbers = new double[design.numericColumns().size() + 1];
    this.strings = new String[design.stringColumns().size()];
  }

  /** The raw numeric columns to read, the label last. */
  static List<String> numericColumns(Design design) {
    List<String> columns = new java.util.ArrayList<>(design.numericColumns());
    columns.add(design.label());
    return columns;
  }

  /**
   * Writes the design row and the label into {@code out}; returns what is wrong (a power or
   * product that overflowed), or null.
   */
  String expandInto(double[] out) {
    design.expand(numbers, strings, out, 0);
    int width = design.width();
    for (int j = 0; j < width; j++) {
      if (!Double.isFinite(out[j])) {
        return "the term '" + names.get(j) + "' is " + out[j] + ", not a finite number";
      }
    }
    out[width] = numbers[numbers.length - 1];
    return null;
  }
}
