package org.sparkgd.engine;

/**
 * The weighted least-squares counterpart of {@link ResidualSums}, used only with --weight: adds
 * Σ w r², Σ w r and Σ w r·z_j for one point θ. A plain loop: the unweighted written-out loops
 * stay as they are, and weighted fits pay for their one extra multiply.
 */
final class WeightedResidualSums {
  private WeightedResidualSums() {}

  /** Rows [from, to) of a block. */
  static void add(double[] x, double[] y, double[] w, int from, int to, int d, double[] theta,
      double[] sums, int base) {
    for (int i = from; i < to; i++) {
      addRow(x, y, w, i, d, theta, sums, base);
    }
  }

  private static void addRow(double[] x, double[] y, double[] w, int i, int d, double[] theta,
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
