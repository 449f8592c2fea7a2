package org.sparkgd;

/**
 * The tests' one least-squares oracle: the exact solution of y ≈ b + Xβ (and of ridge on the
 * standardized scale), by normal equations solved with Gauss–Jordan elimination with partial
 * pivoting, computed independently of the code under test.
 */
public final class LeastSquaresReference {
  private LeastSquaresReference() {}

  /**
   * Returns (b, β_1, …, β_d) for rows {@code x[i]} and labels {@code y[i]}. The columns are
   * centered first, so that columns with a large mean stay well conditioned.
   */
  public static double[] solve(double[][] x, double[] y) {
    double[] ones = new double[y.length];
    java.util.Arrays.fill(ones, 1);
    return solveWeighted(x, y, ones); // weight 1 changes no rounding: w·x/Σw is x/n exactly
  }

  /**
   * Returns (b, β_1, …, β_d) minimizing Σ w_i (y_i − b − x_iβ)², weighted least squares: the
   * columns are centered at their weighted means, so the intercept is exact as in {@link
   * #solve(double[][], double[])}.
   */
  public static double[] solveWeighted(double[][] x, double[] y, double[] w) {
    int n = y.length;
    int d = x[0].length;
    double total = 0;
    double[] mean = new double[d + 1];
    for (int i = 0; i < n; i++) {
      total += w[i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += w[i] * x[i][j] / total;
      }
      mean[d] += w[i] * y[i] / total;
    }
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < d; r++) {
        double xr = w[i] * (x[i][r] - mean[r]);
        for (int c = 0; c < d; c++) {
          a[r][c] += xr * (x[i][c] - mean[c]);
        }
        a[r][d] += xr * (y[i] - mean[d]);
      }
    }
    eliminate(a);
    double[] solution = new double[d + 1];
    solution[0] = mean[d];
    for (int r = 0; r < d; r++) {
      solution[r + 1] = a[r][d] / a[r][r];
      solution[0] -= solution[r + 1] * mean[r];
    }
    return solution;
  }

  /** Returns β minimizing Σ (y_i − x_iβ)², the fit through the origin (no intercept). */
  public static double[] solveThroughOrigin(double[][] x, double[] y) {
    int d = x[0].length;
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < y.length; i++) {
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] += x[i][r] * x[i][c];
        }
        a[r][d] += x[i][r] * y[i];
      }
    }
    eliminate(a);
    double[] beta = new double[d];
    for (int r = 0; r < d; r++) {
      beta[r] = a[r][d] / a[r][r];
    }
    return beta;
  }

  /** R²: 1 − RSS / TSS, TSS about the mean, or about 0 ({@code centered} false) as R's lm. */
  public static double r2(double[][] x, double[] y, double intercept, double[] beta,
      boolean centered) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < y.length; i++) {
      double fitted = intercept;
      for (int j = 0; j < beta.length; j++) {
        fitted += beta[j] * x[i][j];
      }
      rss += (y[i] - fitted) * (y[i] - fitted);
      double dev = centered ? y[i] - mean : y[i];
      tss += dev * dev;
    }
    return 1 - rss / tss;
  }

  /**
   * Ridge in the tutorial's form on standardized rows z (no centering: the intercept is a
   * column of ones): solves ((2/n) AᵀA + diag(0, λ, …, λ)) θ = (2/n) Aᵀy with A = [1 Z].
   */
  public static double[] ridge(double[][] z, double[] y, double lambda) {
    int n = y.length;
    int p = z[0].length + 1;
    double[][] a = new double[p][p + 1];
    for (int i = 0; i < n; i++) {
      double[] row = new double[p];
      row[0] = 1;
      System.arraycopy(z[i], 0, row, 1, p - 1);
      for (int r = 0; r < p; r++) {
        for (int c = 0; c < p; c++) {
          a[r][c] += 2 * row[r] * row[c] / n;
        }
        a[r][p] += 2 * row[r] * y[i] / n;
      }
    }
    for (int j = 1; j < p; j++) {
      a[j][j] += lambda;
    }
    eliminate(a);
    double[] theta = new double[p];
    for (int r = 0; r < p; r++) {
      theta[r] = a[r][p] / a[r][r];
    }
    return theta;
  }

  /** Gauss–Jordan elimination with partial pivoting of the augmented system a = [A | b]. */
  private static void eliminate(double[][] a) {
    eliminateAll(a, a.length);
  }

  /**
   * Classical inference of the least-squares fit with an intercept, in closed form on the
   * centered design: σ̂² = RSS/(n − d − 1), se(β_j) = σ̂·√[S⁻¹]_jj with S the centered XᵀX,
   * se(b) = σ̂·√(1/n + x̄ᵀS⁻¹x̄), R² = 1 − RSS/TSS, F = ((TSS − RSS)/d)/σ̂².
   */
  public record Ols(double[] coefficients, double[] stdErrors, double residualStdError,
      double r2, double f) {}

  public static Ols ols(double[][] x, double[] y) {
    int n = y.length;
    int d = x[0].length;
    double[] beta = solve(x, y);
    double[] mean = new double[d];
    double yMean = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i][j] / n;
      }
      yMean += y[i] / n;
    }
    // [S | I] eliminated to [I | S⁻¹].
    double[][] a = new double[d][2 * d];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] += (x[i][r] - mean[r]) * (x[i][c] - mean[c]);
        }
      }
    }
    for (int r = 0; r < d; r++) {
      a[r][d + r] = 1;
    }
    eliminateAll(a, d);
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double fitted = beta[0];
      for (int j = 0; j < d; j++) {
        fitted += beta[j + 1] * x[i][j];
      }
      rss += (y[i] - fitted) * (y[i] - fitted);
      tss += (y[i] - yMean) * (y[i] - yMean);
    }
    double sigma2 = rss / (n - d - 1);
    double[] se = new double[d + 1];
    double quadratic = 0;
    for (int r = 0; r < d; r++) {
      se[r + 1] = Math.sqrt(sigma2 * a[r][d + r] / a[r][r]);
      for (int c = 0; c < d; c++) {
        quadratic += mean[r] * a[r][d + c] / a[r][r] * mean[c];
      }
    }
    se[0] = Math.sqrt(sigma2 * (1.0 / n + quadratic));
    return new Ols(beta, se, Math.sqrt(sigma2), 1 - rss / tss,
        ((tss - rss) / d) / sigma2);
  }

  /** Gauss–Jordan on [A | B] with A of size d: rows end as diag(A')·[I | A⁻¹B]. */
  static void eliminateAll(double[][] a, int d) {
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
          for (int c = col; c < a[r].length; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
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
