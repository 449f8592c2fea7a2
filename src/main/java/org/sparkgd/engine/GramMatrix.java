package org.sparkgd.engine;

import java.io.Serializable;
import org.sparkgd.data.DataBlock;

/**
 * The sufficient statistics of least squares, additive over rows: n, Σz, Σy, ZᵀZ (upper
 * triangle), Zᵀy and Σy². From them the exact solution, the optimal cost and the curvature
 * follow without touching the data again ({@link ExactReference}).
 */
public final class GramMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  final int d;
  /** The row count, or with --weight the sum of the weights (every sum below is weighted). */
  double n;
  final double[] sumZ;
  double sumY;
  /** Row-major upper triangle: (j, k) with k ≥ j at j·d − j(j−1)/2 + (k − j). */
  final double[] zz;
  final double[] zy;
  double yy;

  public GramMatrix(int numFeatures) {
    d = numFeatures;
    sumZ = new double[d];
    zz = new double[d * (d + 1) / 2];
    zy = new double[d];
  }

  public GramMatrix add(DataBlock block) {
    if (block.weights() != null) {
      return addWeighted(block);
    }
    double[] x = block.features();
    double[] y = block.labels();
    for (int i = 0; i < block.rows(); i++) {
      int offset = i * d;
      n++;
      sumY += y[i];
      yy += y[i] * y[i];
      int t = 0;
      for (int j = 0; j < d; j++) {
        double zj = x[offset + j];
        sumZ[j] += zj;
        zy[j] += zj * y[i];
        for (int k = j; k < d; k++) {
          zz[t++] += zj * x[offset + k];
        }
      }
    }
    return this;
  }

  /** Weighted rows: each row's products count w times. */
  private GramMatrix addWeighted(DataBlock block) {
    double[] x = block.features();
    double[] y = block.labels();
    double[] w = block.weights();
    for (int i = 0; i < block.rows(); i++) {
      int offset = i * d;
      n += w[i];
      double wy = w[i] * y[i];
      sumY += wy;
      yy += wy * y[i];
      int t = 0;
      for (int j = 0; j < d; j++) {
        double wz = w[i] * x[offset + j];
        sumZ[j] += wz;
        zy[j] += wz * y[i];
        for (int k = j; k < d; k++) {
          zz[t++] += wz * x[offset + k];
        }
      }
    }
    return this;
  }

  public GramMatrix merge(GramMatrix other) {
    n += other.n;
    sumY += other.sumY;
    yy += other.yy;
    for (int j = 0; j < d; j++) {
      sumZ[j] += other.sumZ[j];
      zy[j] += other.zy[j];
    }
    for (int t = 0; t < zz.length; t++) {
      zz[t] += other.zz[t];
    }
    return this;
  }

  double zz(int j, int k) {
    int a = Math.min(j, k);
    int b = Math.max(j, k);
    return zz[a * d - a * (a - 1) / 2 + (b - a)];
  }

  /** J(θ) = (1/n)(θᵀAθ − 2θᵀc + Σy²), c = (Σy, Zᵀy). */
  double objective(double[] theta) {
    double quadratic = n * theta[0] * theta[0];
    double linear = theta[0] * sumY;
    for (int j = 0; j < d; j++) {
      quadratic += 2 * theta[0] * theta[j + 1] * sumZ[j];
      linear += theta[j + 1] * zy[j];
      for (int k = 0; k < d; k++) {
        quadratic += theta[j + 1] * theta[k + 1] * zz(j, k);
      }
    }
    return Math.max(0, (quadratic - 2 * linear + yy) / n);
  }
}
