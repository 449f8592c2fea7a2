package org.sparkgd.stats;

/**
 * y = 1 + x + x² + … + x^degree for x = 0..20, built exactly (every value is an integer below
 * 2⁵³), so the least-squares coefficients are all exactly 1; and its standardized copy as the
 * product would cache it (z = (x − mean)/std with the sample std, label likewise).
 */
final class PolynomialDesign {
  static final int ROWS = 21;

  final int degree;
  final double[][] x;
  final double[] y;
  final double[] means;
  final double[] stds;
  final double labelMean;
  final double labelStd;

  PolynomialDesign(int degree) {
    this.degree = degree;
    x = new double[ROWS][degree];
    y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      long power = 1;
      long sum = 1;
      for (int k = 1; k <= degree; k++) {
        power *= i;
        x[i][k - 1] = power;
        sum += power;
      }
      y[i] = sum;
    }
    means = new double[degree];
    stds = new double[degree];
    for (int j = 0; j < degree; j++) {
      double[] column = new double[ROWS];
      for (int i = 0; i < ROWS; i++) {
        column[i] = x[i][j];
      }
      means[j] = mean(column);
      stds[j] = std(column, means[j]);
    }
    labelMean = mean(y);
    labelStd = std(y, labelMean);
  }

  double[][] standardizedX() {
    double[][] z = new double[ROWS][degree];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < degree; j++) {
        z[i][j] = (x[i][j] - means[j]) * (1 / stds[j]);
      }
    }
    return z;
  }

  double[] standardizedY() {
    double[] t = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      t[i] = (y[i] - labelMean) * (1 / labelStd);
    }
    return t;
  }

  /** The fewest correct significant digits over all coefficients (the exact ones are all 1). */
  static double digits(double[] coefficients) {
    double worst = 0;
    for (double c : coefficients) {
      worst = Math.max(worst, Math.abs(c - 1));
    }
    return worst == 0 ? 16 : -Math.log10(worst);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  private static double std(double[] v, double mean) {
    double s = 0;
    for (double a : v) {
      s += (a - mean) * (a - mean);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
