package org.sparkgd.stats;

import java.io.Serializable;

/**
 * One refinement pass over the data at given estimates β: g = XᵀW(y − Xβ) and Σ w·r², with each
 * residual formed in double-double (error-free products by {@link Math#fma}) and the sums
 * compensated. The factor alone cannot resolve coefficients that are small beside ‖y‖ (on
 * y = 1 + x + … + x¹⁰ the QR answer keeps 3 digits); a correction δ = (XᵀWX)⁻¹g from these
 * accurately formed residuals wins back log10(1/(cond·ε)) digits per pass
 * ({@link LeastSquaresFit#refined}). Mergeable like the accumulator.
 */
public final class CorrectionSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] beta;
  private final boolean intercept;
  private final int features;
  /** g then Σ w·r², each as a compensated pair (sum, its lost low part). */
  private final double[] high;
  private final double[] low;
  /** The rows summed (w > 0) and their Σw: the same rows the factor was made of, or not. */
  private long observations;
  private double weightSum;

  /** @param beta the estimates the residuals are taken at, intercept first when there is one */
  public CorrectionSums(double[] beta, boolean intercept) {
    this.beta = beta.clone();
    this.intercept = intercept;
    this.features = beta.length - (intercept ? 1 : 0);
    this.high = new double[beta.length + 1];
    this.low = new double[beta.length + 1];
  }

  public CorrectionSums add(double[] x, double y, double w) {
    PackedRows.one(features, x, y, w, this::include);
    return this;
  }

  /** Packed rows as {@code DataBlock} holds them, with their weights (null: all 1). */
  public CorrectionSums addRows(double[] packedFeatures, double[] labels, double[] weights) {
    PackedRows.all(features, packedFeatures, labels, weights, this::include);
    return this;
  }

  private void include(double[] x, int offset, double y, double w) {
    observations++;
    weightSum += w;
    int first = intercept ? 1 : 0;
    // r = y − Σ x_j β_j in double-double: (rHigh, rLow).
    double rHigh = y;
    double rLow = 0;
    if (intercept) {
      double[] s = twoSum(rHigh, -beta[0]);
      rHigh = s[0];
      rLow += s[1];
    }
    for (int j = 0; j < features; j++) {
      double product = x[offset + j] * beta[first + j];
      double productError = Math.fma(x[offset + j], beta[first + j], -product);
      double[] s = twoSum(rHigh, -product);
      rHigh = s[0];
      rLow += s[1] - productError;
    }
    double r = rHigh + rLow;
    int k = 0;
    if (intercept) {
      accumulate(k++, w * r);
    }
    for (int j = 0; j < features; j++) {
      accumulate(k++, w * x[offset + j] * r);
    }
    accumulate(k, w * r * r);
  }

  public CorrectionSums merge(CorrectionSums other) {
    if (other.high.length != high.length || other.intercept != intercept) {
      throw new IllegalArgumentException("cannot merge correction sums of different designs");
    }
    for (int k = 0; k < high.length; k++) {
      accumulate(k, other.high[k]);
      low[k] += other.low[k];
    }
    observations += other.observations;
    weightSum += other.weightSum;
    return this;
  }

  private void accumulate(int k, double value) {
    double[] s = twoSum(high[k], value);
    high[k] = s[0];
    low[k] += s[1];
  }

  /** a + b = sum + error exactly (Knuth). */
  private static double[] twoSum(double a, double b) {
    double sum = a + b;
    double bVirtual = sum - a;
    double error = (a - (sum - bVirtual)) + (b - bVirtual);
    return new double[] {sum, error};
  }

  /** Rows summed with w &gt; 0, as {@link QrAccumulator#observations()} counts them. */
  public long observations() {
    return observations;
  }

  /** Σw over those rows. */
  public double weightSum() {
    return weightSum;
  }

  /** The estimates the residuals were taken at. */
  public double[] estimates() {
    return beta.clone();
  }

  /** XᵀW(y − Xβ), one entry per column. */
  public double[] gradient() {
    double[] g = new double[beta.length];
    for (int k = 0; k < g.length; k++) {
      g[k] = high[k] + low[k];
    }
    return g;
  }

  /** Σ w·(y − Xβ)² at the estimates. */
  public double residualSumOfSquares() {
    return high[beta.length] + low[beta.length];
  }
}
