package org.sparkgd.data;

/** Rows of one partition, read one at a time into a caller's buffer. */
@FunctionalInterface
public interface RowSource {
  /**
   * Fills {@code row} with the next row's features followed by its label.
   *
   * @return false when there are no more rows
   */
  boolean next(double[] row);

  /** Rows dropped as bad since the last call (null or empty: none). */
  default SkippedRows drainSkipped() {
    return null;
  }
}
