package org.sparkgd;

/**
 * R's {@code summary(lm(y ~ x, weights = w))} (or {@code y ~ x - 1}) by the textbook formulas,
 * as an oracle for the tests: β = (XᵀWX)⁻¹XᵀWy by Gauss–Jordan, RSS = Σw·r², df = n − p with n
 * the rows of positive weight, s² = RSS/df, se_j = √(s²·[(XᵀWX)⁻¹]_jj), R² = 1 − RSS/TSS with
 * TSS = Σw(y − ȳ_w)² (Σw·y² through the origin, uncentered) and F = ((TSS − RSS)/q)/s² on
 * q = p − 1 (p through the origin) numerator degrees of freedom.
 */
public record WeightedOls(double[] coefficients, double[] stdErrors, double residualStdError,
    long df, double r2, double f, int fNumeratorDf) {

  /** @param w the weights, or null for 1 */
  public static WeightedOls of(double[][] x, double[] y, double[] w, boolean intercept) {
    int n = y.length;
    int d = x[0].length;
    // With an intercept the columns are centered at their weighted means first, so the
    // intercept's digits do not cancel: β₀ = ȳ − mᵀβ, Var(β₀)/s² = 1/Σw + mᵀ(X_cᵀWX_c)⁻¹m.
    double[] mean = new double[d + 1];
    double weightSum = 0;
    long positive = 0;
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      positive += wi > 0 ? 1 : 0;
      weightSum += wi;
    }
    for (int i = 0; i < n && intercept; i++) {
      double wi = w == null ? 1 : w[i];
      for (int j = 0; j < d; j++) {
        mean[j] += wi * x[i][j] / weightSum;
      }
      mean[d] += wi * y[i] / weightSum;
    }
    double[][] a = new double[d][2 * d + 1];
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      for (int j = 0; j < d; j++) {
        double xj = wi * (x[i][j] - mean[j]);
        for (int k = 0; k < d; k++) {
          a[j][k] += xj * (x[i][k] - mean[k]);
        }
        a[j][2 * d] += xj * (y[i] - mean[d]);
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][d + j] = 1;
    }
    gaussJordan(a, d);
    int offset = intercept ? 1 : 0;
    double[] beta = new double[d + offset];
    double[] unscaled = new double[d + offset];
    double quadratic = 0;
    for (int j = 0; j < d; j++) {
      beta[j + offset] = a[j][2 * d];
      unscaled[j + offset] = a[j][d + j];
      for (int k = 0; k < d; k++) {
        quadratic += mean[j] * a[j][d + k] * mean[k];
      }
    }
    if (intercept) {
      beta[0] = mean[d];
      for (int j = 0; j < d; j++) {
        beta[0] -= beta[j + 1] * mean[j];
      }
      unscaled[0] = 1 / weightSum + quadratic;
    }
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      double fitted = intercept ? beta[0] : 0;
      for (int j = 0; j < d; j++) {
        fitted += x[i][j] * beta[j + offset];
      }
      rss += wi * (y[i] - fitted) * (y[i] - fitted);
      tss += wi * (y[i] - mean[d]) * (y[i] - mean[d]);
    }
    int p = d + offset;
    long df = positive - p;
    double s2 = rss / df;
    double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      se[j] = Math.sqrt(s2 * unscaled[j]);
    }
    return new WeightedOls(beta, se, Math.sqrt(s2), df, 1 - rss / tss, (tss - rss) / d / s2, d);
  }

  /** [A | I | b] to [I | A⁻¹ | A⁻¹b]: the oracle's Gauss–Jordan, each row divided by its pivot. */
  private static void gaussJordan(double[][] a, int p) {
    LeastSquaresReference.eliminateAll(a, p);
    for (int r = 0; r < p; r++) {
      double pivot = a[r][r];
      for (int k = 0; k < a[r].length; k++) {
        a[r][k] /= pivot;
      }
    }
  }
}
