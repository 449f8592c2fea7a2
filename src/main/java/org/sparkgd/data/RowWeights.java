package org.sparkgd.data;

import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.UserError;

/**
 * The checks of a --weight column: each weight finite (the readers' number check) and
 * non-negative, and not all of them zero, since Σ w divides the cost.
 */
public final class RowWeights {
  private RowWeights() {}

  /** What is wrong with one row's weight, or null. */
  public static String problem(double weight, String column) {
    return weight >= 0 ? null : "column '" + column + "': the weight " + weight
        + " is negative; weights must be finite and non-negative";
  }

  /** Fails when the training rows' weights sum to 0 (or there are no weights: unweighted). */
  static void requirePositiveTotal(JavaRDD<DataBlock> blocks, String column, String source) {
    double total = blocks.map(b -> {
      double sum = 0;
      if (b.weights() != null) {
        for (double w : b.weights()) {
          sum += w;
        }
      }
      return sum;
    }).fold(0.0, Double::sum);
    if (!(total > 0)) {
      throw new UserError(source + ": every weight in column '" + column + "' is 0; at least "
          + "one row needs a positive weight");
    }
  }
}
