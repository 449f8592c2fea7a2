package org.sparkgd.engine;

/**
 * The weighted least-squares counterpart of {@link ResidualSums}, used only with --weight: adds
 * Σ w r², Σ w r and Σ w r·z_j for one point θ. A plain loop: the unweighted written-out loops
 * stay as they are, and weighted fits pay for their one extra multiply.
 */
final class WeightedResidualSums {
  private WeightedResidualSums() {}

  /** Every row of a block. */
  static void add(double[] x, double[] y, double[] w, int d, double[] theta, double[] sums,
      int base) {
    for (int i = 0; i < y.length; i++) {
      addRow(x, y, w, i, d, theta, sums, base);
    }
  }

  /** One row, any d (the mini-batch path). */
  static void addRow(double[] x, double[] y, double[] w, int i, int d, double[] theta,
      double[] sums, int base) {
    int offset = i * d;
    double r = theta[0];
    for (int j = 0; j < d; j++) {
      r += theta[j + 1] * x[offset + j];
    }
    r -= y[i];
    double wr = w[i] * r;
    sums[base] += wr * r;
    sums[base + 1] += wr;
    for (int j = 0; j < d; j++) {
      sums[base + 2 + j] += wr * x[offset + j];
    }
  }
}
