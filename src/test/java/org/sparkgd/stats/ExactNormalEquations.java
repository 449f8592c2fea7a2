package org.sparkgd.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An independent oracle: XᵀWX and XᵀWy summed exactly in BigDecimal, solved by Gauss-Jordan
 * at 60 digits; gives the coefficients, (XᵀWX)⁻¹ and the RSS to full double precision.
 */
final class ExactNormalEquations {
  private static final MathContext MC = new MathContext(60);

  final double[] coefficients;
  final double[][] inverse;
  final double rss;

  /** @param x rows of the design, intercept column included if wanted */
  ExactNormalEquations(double[][] x, double[] y, double[] w) {
    int p = x[0].length;
    BigDecimal[][] a = new BigDecimal[p][2 * p + 1];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < 2 * p + 1; k++) {
        a[j][k] = k == p + 1 + j ? BigDecimal.ONE : BigDecimal.ZERO;
      }
    }
    for (int i = 0; i < y.length; i++) {
      BigDecimal wi = new BigDecimal(w[i]);
      for (int j = 0; j < p; j++) {
        BigDecimal wx = wi.multiply(new BigDecimal(x[i][j]));
        for (int k = 0; k < p; k++) {
          a[j][k] = a[j][k].add(wx.multiply(new BigDecimal(x[i][k])));
        }
        a[j][p] = a[j][p].add(wx.multiply(new BigDecimal(y[i])));
      }
    }
    for (int c = 0; c < p; c++) {
      BigDecimal pivot = a[c][c];
      for (int k = 0; k < 2 * p + 1; k++) {
        a[c][k] = a[c][k].divide(pivot, MC);
      }
      for (int r = 0; r < p; r++) {
        if (r != c) {
          BigDecimal f = a[r][c];
          for (int k = 0; k < 2 * p + 1; k++) {
            a[r][k] = a[r][k].subtract(f.multiply(a[c][k]), MC);
          }
        }
      }
    }
    coefficients = new double[p];
    inverse = new double[p][p];
    for (int j = 0; j < p; j++) {
      coefficients[j] = a[j][p].doubleValue();
      for (int k = 0; k < p; k++) {
        inverse[j][k] = a[j][p + 1 + k].doubleValue();
      }
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < y.length; i++) {
      BigDecimal r = new BigDecimal(y[i]);
      for (int j = 0; j < p; j++) {
        r = r.subtract(a[j][p].multiply(new BigDecimal(x[i][j])), MC);
      }
      sum = sum.add(new BigDecimal(w[i]).multiply(r.multiply(r), MC), MC);
    }
    rss = sum.doubleValue();
  }
}
