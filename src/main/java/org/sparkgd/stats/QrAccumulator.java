package org.sparkgd.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Least squares by an orthogonal row update, so the normal equations are never formed and the
 * digits of a badly conditioned design are kept: Alan Miller's AS 274 (Applied Statistics,
 * 1992), the square-root-free Givens update of R's {@code biglm}. The state is the factor
 * R = D^½·R̄ of the weighted design [X | y] (R̄ unit upper triangular, D diagonal) plus the
 * residual sum of squares; a row of weight w is rotated into it in O(p²), as if scaled by √w.
 *
 * <p>Additive like an aggregator: {@link #add} per row (or {@link #addRows} per packed block)
 * inside a partition, {@link #merge} on the driver, {@link #solve} once at the end. The result
 * does not depend on how the rows were split, up to rounding (~1e-14 relative).
 */
public final class QrAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A column is aliased when its part not explained by earlier columns is below this fraction
   * of its norm: R's {@code lm.fit} tolerance. */
  public static final double ALIASING_TOLERANCE = 1e-7;

  private final int features;
  private final boolean intercept;
  /** Columns of X: the intercept's (first) and the features'. */
  private final int p;
  private final double[] d;
  /** R̄ above its unit diagonal, row by row: row i holds columns i+1 … p−1. */
  private final double[] rbar;
  /** R̄⁻ᵀ-scaled Qᵀy: the last column of the factor of [X | y]. */
  private final double[] thetab;
  private double sserr;
  private long observations;
  private transient double[] scratch;

  public QrAccumulator(int features, boolean intercept) {
    if (features < 0) {
      throw new IllegalArgumentException("negative feature count " + features);
    }
    this.features = features;
    this.intercept = intercept;
    this.p = features + (intercept ? 1 : 0);
    this.d = new double[p];
    this.rbar = new double[p * (p - 1) / 2];
    this.thetab = new double[p];
  }

  public int features() {
    return features;
  }

  public boolean intercept() {
    return intercept;
  }

  /** Rows added with w &gt; 0. */
  public long observations() {
    return observations;
  }

  /** Adds one row of features with its label and weight w ≥ 0 (0 leaves the fit unchanged). */
  public QrAccumulator add(double[] x, double y, double w) {
    if (x.length != features) {
      throw new IllegalArgumentException("a row of " + x.length + " features for " + features);
    }
    return add(x, 0, y, w);
  }

  /** Adds packed rows as {@code DataBlock} holds them: row i's feature j at i·features + j. */
  public QrAccumulator addRows(double[] packedFeatures, double[] labels) {
    if (packedFeatures.length != (long) labels.length * features) {
      throw new IllegalArgumentException(packedFeatures.length + " values for " + labels.length
          + " rows × " + features + " features");
    }
    for (int i = 0; i < labels.length; i++) {
      add(packedFeatures, i * features, labels[i], 1);
    }
    return this;
  }

  private QrAccumulator add(double[] values, int offset, double y, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("a weight must be finite and ≥ 0, got " + w);
    }
    if (w == 0) {
      return this;
    }
    double[] row = scratch();
    int k = 0;
    if (intercept) {
      row[k++] = 1;
    }
    System.arraycopy(values, offset, row, k, features);
    observations++;
    include(row, y, w, 0);
    return this;
  }

  /** Rotates the other's factor in, row by row, and adds its residual sum and row count. */
  public QrAccumulator merge(QrAccumulator other) {
    if (other.features != features || other.intercept != intercept) {
      throw new IllegalArgumentException("cannot merge a factor of " + other.features
          + " features (intercept " + other.intercept + ") into one of " + features
          + " (intercept " + intercept + ")");
    }
    double[] row = scratch();
    for (int i = 0; i < p; i++) {
      if (other.d[i] == 0) {
        continue;
      }
      Arrays.fill(row, 0, i, 0);
      row[i] = 1;
      System.arraycopy(other.rbar, rowStart(i), row, i + 1, p - 1 - i);
      include(row, other.thetab[i], other.d[i], i);
    }
    sserr += other.sserr;
    observations += other.observations;
    return this;
  }

  /** AS 274 INCLUD from column {@code first} on (the row is 0 before it); row is overwritten. */
  private void include(double[] row, double y, double weight, int first) {
    double w = weight;
    for (int i = first; i < p; i++) {
      if (w == 0) {
        return;
      }
      double xi = row[i];
      if (xi == 0) {
        continue;
      }
      double di = d[i];
      double dpi = di + w * xi * xi;
      double cbar = di / dpi;
      double sbar = w * xi / dpi;
      w = cbar * w;
      d[i] = dpi;
      int next = rowStart(i);
      for (int k = i + 1; k < p; k++, next++) {
        double xk = row[k];
        row[k] = xk - xi * rbar[next];
        rbar[next] = cbar * rbar[next] + sbar * xk;
      }
      double yk = y;
      y = yk - xi * thetab[i];
      thetab[i] = cbar * thetab[i] + sbar * yk;
    }
    sserr += w * y * y;
  }

  private int rowStart(int i) {
    return i * (2 * p - i - 1) / 2;
  }

  private double[] scratch() {
    if (scratch == null) {
      scratch = new double[p];
    }
    return scratch;
  }

  /**
   * The least-squares fit of the rows added so far. Leaves this accumulator as it is: more rows
   * may be added and solved again.
   */
  public LeastSquaresFit solve() {
    QrAccumulator f = copy();
    boolean[] aliased = f.dropAliasedColumns();
    double[] beta = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      if (aliased[i]) {
        continue;
      }
      double b = f.thetab[i];
      int next = f.rowStart(i);
      for (int k = i + 1; k < p; k++, next++) {
        b -= f.rbar[next] * beta[k];
      }
      beta[i] = b;
    }
    // The part of y not explained by the intercept alone (or by nothing): no cancellation.
    double total = f.sserr;
    for (int i = intercept ? 1 : 0; i < p; i++) {
      total += f.d[i] * f.thetab[i] * f.thetab[i];
    }
    return new LeastSquaresFit(beta, aliased, f.sserr, f.unscaledCovariance(aliased),
        observations, intercept && aliased.length > 0 && aliased[0] ? Double.NaN : total,
        intercept);
  }

  /**
   * AS 274 SING with TOLSET's idea and R's criterion: column j is aliased when √D_j, the norm
   * of its part orthogonal to the columns before it, is below {@link #ALIASING_TOLERANCE} times
   * its own norm. Its row is then rotated into the rows below and zeroed.
   */
  private boolean[] dropAliasedColumns() {
    double[] tolerance = new double[p];
    for (int j = 0; j < p; j++) {
      double squares = d[j];
      for (int i = 0; i < j; i++) {
        double r = rbar[rowStart(i) + j - i - 1];
        squares += d[i] * r * r;
      }
      tolerance[j] = ALIASING_TOLERANCE * Math.sqrt(squares);
    }
    boolean[] aliased = new boolean[p];
    double[] row = scratch();
    for (int j = 0; j < p; j++) {
      if (d[j] > 0 && Math.sqrt(d[j]) >= tolerance[j]) {
        continue;
      }
      aliased[j] = true;
      double weight = d[j];
      double y = thetab[j];
      int start = rowStart(j);
      Arrays.fill(row, 0, j + 1, 0);
      System.arraycopy(rbar, start, row, j + 1, p - 1 - j);
      Arrays.fill(rbar, start, start + p - 1 - j, 0);
      d[j] = 0;
      thetab[j] = 0;
      if (weight > 0) {
        include(row, y, weight, j + 1);
      }
    }
    return aliased;
  }

  /** (XᵀWX)⁻¹ = R̄⁻¹ D⁻¹ R̄⁻ᵀ over the non-aliased columns, NaN elsewhere. */
  private double[][] unscaledCovariance(boolean[] aliased) {
    double[][] inverse = new double[p][p];
    for (int c = 0; c < p; c++) {
      // Column c of R̄⁻¹ by back substitution; aliased rows and columns are left out.
      if (aliased[c]) {
        continue;
      }
      inverse[c][c] = 1;
      for (int i = c - 1; i >= 0; i--) {
        if (aliased[i]) {
          continue;
        }
        double v = -rbar[rowStart(i) + c - i - 1];
        for (int k = i + 1; k < c; k++) {
          v -= rbar[rowStart(i) + k - i - 1] * inverse[k][c];
        }
        inverse[i][c] = v;
      }
    }
    double[][] covariance = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (aliased[i] || aliased[j]) {
          covariance[i][j] = Double.NaN;
          continue;
        }
        double sum = 0;
        for (int k = Math.max(i, j); k < p; k++) {
          if (!aliased[k]) {
            sum += inverse[i][k] * inverse[j][k] / d[k];
          }
        }
        covariance[i][j] = sum;
      }
    }
    return covariance;
  }

  private QrAccumulator copy() {
    QrAccumulator c = new QrAccumulator(features, intercept);
    System.arraycopy(d, 0, c.d, 0, p);
    System.arraycopy(rbar, 0, c.rbar, 0, rbar.length);
    System.arraycopy(thetab, 0, c.thetab, 0, p);
    c.sserr = sserr;
    c.observations = observations;
    return c;
  }
}
