package org.sparkgd.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The state of AS 274 (Miller, Applied Statistics 41, 1992) for p columns: the factor
 * R = D^½·R̄ of the weighted [X | y], R̄ unit upper triangular, and the residual sum of squares;
 * with its row update (INCLUD), the aliasing check (SING) and the solves.
 */
final class TriangularFactor implements Serializable {
  private static final long serialVersionUID = 1L;

  final int p;
  private final double[] d;
  /** R̄ above its unit diagonal, row by row: row i holds columns i+1 … p−1. */
  private final double[] rbar;
  /** The last column of the factor of [X | y], scaled like R̄. */
  private final double[] thetab;
  private double sserr;

  TriangularFactor(int p) {
    this.p = p;
    d = new double[p];
    rbar = new double[p * (p - 1) / 2];
    thetab = new double[p];
  }

  /** INCLUD: rotates a row of weight w in, from column {@code first} on (the row is 0 before
   * it). The row is overwritten. */
  void include(double[] row, double y, double weight, int first) {
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

  /** Rotates the other's rows in, as rows of weight D_i, and adds its residual sum. */
  void merge(TriangularFactor other, double[] row) {
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
  }

  /**
   * SING with R's criterion: column j is aliased when √D_j, the norm of its part orthogonal to
   * the columns before it, is below {@code tolerance} times its own norm. Its row is rotated
   * into the rows below and zeroed, which leaves the factor of the other columns.
   */
  boolean[] dropAliasedColumns(double tolerance, double[] row) {
    double[] threshold = new double[p];
    for (int j = 0; j < p; j++) {
      double squares = d[j];
      for (int i = 0; i < j; i++) {
        double r = rbar[rowStart(i) + j - i - 1];
        squares += d[i] * r * r;
      }
      threshold[j] = tolerance * Math.sqrt(squares);
    }
    boolean[] aliased = new boolean[p];
    for (int j = 0; j < p; j++) {
      if (d[j] > 0 && Math.sqrt(d[j]) >= threshold[j]) {
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

  /** R̄β = θ̄ by back substitution; 0 for aliased columns. */
  double[] coefficients(boolean[] aliased) {
    double[] beta = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      if (aliased[i]) {
        continue;
      }
      double b = thetab[i];
      int next = rowStart(i);
      for (int k = i + 1; k < p; k++, next++) {
        b -= rbar[next] * beta[k];
      }
      beta[i] = b;
    }
    return beta;
  }

  double residualSumOfSquares() {
    return sserr;
  }

  /** The RSS of the fit on columns before {@code first} alone: no cancellation. */
  double residualSumOfSquaresOfFirst(int first) {
    double total = sserr;
    for (int i = first; i < p; i++) {
      total += d[i] * thetab[i] * thetab[i];
    }
    return total;
  }

  /** (XᵀWX)⁻¹ = R̄⁻¹ D⁻¹ R̄⁻ᵀ over the non-aliased columns, NaN elsewhere. */
  double[][] unscaledCovariance(boolean[] aliased) {
    double[][] inverse = new double[p][p];
    for (int c = 0; c < p; c++) {
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
        double sum = aliased[i] || aliased[j] ? Double.NaN : 0;
        for (int k = Math.max(i, j); k < p && !Double.isNaN(sum); k++) {
          if (!aliased[k]) {
            sum += inverse[i][k] * inverse[j][k] / d[k];
          }
        }
        covariance[i][j] = sum;
      }
    }
    return covariance;
  }

  /** R̄ᵀDR̄ = XᵀWX over every column (before any is dropped as aliased). */
  double[][] crossProduct() {
    double[][] g = new double[p][p];
    for (int k = 0; k < p; k++) {
      for (int a = k; a < p; a++) {
        double ra = a == k ? 1 : rbar[rowStart(k) + a - k - 1];
        for (int b = a; b < p; b++) {
          double rb = b == k ? 1 : rbar[rowStart(k) + b - k - 1];
          g[a][b] += d[k] * ra * rb;
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        g[a][b] = g[b][a];
      }
    }
    return g;
  }

  /** D^½R̄ over the columns not dropped, column-major k×k (k of them). */
  double[] upper(boolean[] drop) {
    int[] kept = new int[p];
    int k = 0;
    for (int j = 0; j < p; j++) {
      if (!drop[j]) {
        kept[k++] = j;
      }
    }
    double[] r = new double[k * k];
    for (int a = 0; a < k; a++) {
      int i = kept[a];
      double scale = Math.sqrt(d[i]);
      r[a + a * k] = scale;
      for (int b = a + 1; b < k; b++) {
        r[a + b * k] = scale * rbar[rowStart(i) + kept[b] - i - 1];
      }
    }
    return r;
  }

  TriangularFactor copy() {
    TriangularFactor c = new TriangularFactor(p);
    System.arraycopy(d, 0, c.d, 0, p);
    System.arraycopy(rbar, 0, c.rbar, 0, rbar.length);
    System.arraycopy(thetab, 0, c.thetab, 0, p);
    c.sserr = sserr;
    return c;
  }

  private int rowStart(int i) {
    return i * (2 * p - i - 1) / 2;
  }
}
