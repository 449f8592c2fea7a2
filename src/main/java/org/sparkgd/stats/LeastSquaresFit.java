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

  /**
   * One step of iterative refinement against the data: β + (XᵀWX)⁻¹g with g and the RSS from a
   * pass at this fit's estimates. The RSS after the step is RSS(β) − δᵀg (exact for the
   * quadratic), floored at 0.
   */
  public LeastSquaresFit refined(CorrectionSums pass) {
    double[] at = pass.estimates();
    if (!java.util.Arrays.equals(at, coefficients)) {
      throw new IllegalArgumentException("the correction pass was taken at other estimates");
    }
    double[] g = pass.gradient();
    double[] next = coefficients.clone();
    double decrease = 0;
    for (int i = 0; i < next.length; i++) {
      if (aliased[i]) {
        continue;
      }
      double delta = 0;
      for (int j = 0; j < next.length; j++) {
        if (!aliased[j]) {
          delta += unscaledCovariance[i][j] * g[j];
        }
      }
      next[i] += delta;
      decrease += delta * g[i];
    }
    return withEstimates(next, Math.max(0, pass.residualSumOfSquares() - decrease));
  }
}
