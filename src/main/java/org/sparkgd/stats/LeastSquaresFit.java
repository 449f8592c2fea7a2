package org.sparkgd.stats;

/**
 * A weighted least-squares fit, on one scale, as inference needs it. Column 0 is the intercept
 * when {@code intercept} is true.
 *
 * @param coefficients one per column; 0 for an aliased column (R prints NA, predictions use 0)
 * @param aliased columns numerically dependent on earlier columns, left out of the fit
 * @param residualSumOfSquares Σ w·r² at {@code coefficients}
 * @param unscaledCovariance (XᵀWX)⁻¹ over the non-aliased columns; NaN in aliased rows/columns
 * @param observations rows with w &gt; 0
 * @param totalSumOfSquares Σ w·(y − ȳ_w)² with an intercept, Σ w·y² without (as R's R²)
 */
public record LeastSquaresFit(double[] coefficients, boolean[] aliased,
    double residualSumOfSquares, double[][] unscaledCovariance, long observations,
    double totalSumOfSquares, boolean intercept) {

  public LeastSquaresFit {
    int p = coefficients.length;
    if (aliased.length != p || unscaledCovariance.length != p) {
      throw new IllegalArgumentException("coefficients, aliased and covariance disagree on the "
          + "number of columns: " + p + ", " + aliased.length + ", " + unscaledCovariance.length);
    }
    coefficients = coefficients.clone();
    aliased = aliased.clone();
    double[][] copy = new double[p][];
    for (int i = 0; i < p; i++) {
      copy[i] = unscaledCovariance[i].clone();
    }
    unscaledCovariance = copy;
  }

  public int columns() {
    return coefficients.length;
  }

  /** The number of non-aliased columns. */
  public int rank() {
    int rank = 0;
    for (boolean a : aliased) {
      rank += a ? 0 : 1;
    }
    return rank;
  }

  /** The same fit with other estimates and their RSS (e.g. a gradient-descent θ, measured). */
  public LeastSquaresFit withEstimates(double[] estimates, double rss) {
    return new LeastSquaresFit(estimates, aliased, rss, unscaledCovariance, observations,
        totalSumOfSquares, intercept);
  }
}
