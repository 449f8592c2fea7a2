package org.sparkgd.data;

/** Rows of one partition, read one at a time into a caller's buffer, or in runs. */
@FunctionalInterface
public interface RowSource {
  /**
   * Fills {@code row} with the next row's features followed by its label (and its weight, when
   * the rows are weighted).
   *
   * @return false when there are no more rows
   */
  boolean next(double[] row);

  /**
   * Copies up to {@code count} next rows into a block's arrays from row {@code at} on: features
   * row by row into {@code features}, labels into {@code labels}, weights into {@code weights}
   * (null: unweighted). By default one row at a time through {@link #next} and {@code row}; a
   * source that holds its rows in arrays copies runs of them at once.
   *
   * @return the rows copied, 0 only when there are no more
   */
  default int nextRows(double[] features, double[] labels, double[] weights, int at, int count,
      double[] row) {
    int d = row.length - (weights == null ? 1 : 2);
    int n = 0;
    while (n < count && next(row)) {
      System.arraycopy(row, 0, features, (at + n) * d, d);
      labels[at + n] = row[d];
      if (weights != null) {
        weights[at + n] = row[d + 1];
      }
      n++;
    }
    return n;
  }

  /** Rows dropped as bad since the last call (null or empty: none). */
  default SkippedRows drainSkipped() {
    return null;
  }
}
