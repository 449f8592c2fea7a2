package org.sparkgd;

/**
 * The exact least-squares solution of y ≈ b + Xβ, by the centered normal equations solved with
 * Gaussian elimination (partial pivoting): the reference the descent must reach.
 */
public final class LeastSquaresReference {
  private LeastSquaresReference() {}

  /**
   * Returns (b, β_1, …, β_d) for rows {@code x[i]} and labels {@code y[i]}. The columns are
   * centered first, so that columns with a large mean stay well conditioned.
   */
  public static double[] solve(double[][] x, double[] y) {
    int n = y.length;
    int d = x[0].length;
    double[] mean = new double[d + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i][j] / n;
      }
      mean[d] += y[i] / n;
    }
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < d; r++) {
        double xr = x[i][r] - mean[r];
        for (int c = 0; c < d; c++) {
          a[r][c] += xr * (x[i][c] - mean[c]);
        }
        a[r][d] += xr * (y[i] - mean[d]);
      }
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= d; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] solution = new double[d + 1];
    solution[0] = mean[d];
    for (int r = 0; r < d; r++) {
      solution[r + 1] = a[r][d] / a[r][r];
      solution[0] -= solution[r + 1] * mean[r];
    }
    return solution;
  }

  /** Largest |a_i − b_i| / max(|b_i|, floor). */
  public static double maxRelativeError(double[] actual, double[] expected, double floor) {
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst,
          Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor));
    }
    return worst;
  }
}
