package org.sparkgd.stats;

/**
 * What the project does today, as a foil: the Gram matrix [1 | Z]ᵀ[1 | Z] of the standardized
 * design in doubles, solved by Cholesky, mapped back as LinearModel does.
 */
final class NormalEquations {
  private NormalEquations() {}

  static double[] standardizedFit(PolynomialDesign design) {
    double[][] z = design.standardizedX();
    double[] t = design.standardizedY();
    int p = design.degree + 1;
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int i = 0; i < PolynomialDesign.ROWS; i++) {
      double[] row = new double[p];
      row[0] = 1;
      System.arraycopy(z[i], 0, row, 1, design.degree);
      for (int j = 0; j < p; j++) {
        b[j] += row[j] * t[i];
        for (int k = 0; k < p; k++) {
          a[j][k] += row[j] * row[k];
        }
      }
    }
    double[] theta = choleskySolve(a, b);
    double[] beta = new double[p];
    double intercept = design.labelMean + design.labelStd * theta[0];
    for (int j = 1; j < p; j++) {
      beta[j] = design.labelStd * theta[j] / design.stds[j - 1];
      intercept -= beta[j] * design.means[j - 1];
    }
    beta[0] = intercept;
    return beta;
  }

  static double[] choleskySolve(double[][] a, double[] b) {
    int p = b.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      l[j][j] = Math.sqrt(Math.max(s, Double.MIN_NORMAL));
      for (int i = j + 1; i < p; i++) {
        double v = a[i][j];
        for (int k = 0; k < j; k++) {
          v -= l[i][k] * l[j][k];
        }
        l[i][j] = v / l[j][j];
      }
    }
    double[] u = new double[p];
    for (int i = 0; i < p; i++) {
      double v = b[i];
      for (int k = 0; k < i; k++) {
        v -= l[i][k] * u[k];
      }
      u[i] = v / l[i][i];
    }
    double[] x = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double v = u[i];
      for (int k = i + 1; k < p; k++) {
        v -= l[k][i] * x[k];
      }
      x[i] = v / l[i][i];
    }
    return x;
  }
}
