package org.sparkgd.engine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sparkgd.optim.Penalty;

/**
 * The exact least-squares answer from the {@link GramMatrix}, on the driver: the minimizer of
 * J(θ) + λ(1 − a)/2‖w‖² (ridge included; with an L1 part there is no closed form, so no
 * optimum), its objective, and L, the largest eigenvalue of the Hessian, which makes 1/L a step
 * that never diverges. Solved by a symmetric eigendecomposition: a singular problem (a constant
 * feature, more features than rows) gets the minimum-norm solution, the one gradient descent
 * from 0 converges to.
 *
 * @param theta the minimizer, or null when the penalty has an L1 part
 * @param optimalObjective its objective, or NaN
 * @param lipschitz L = λ_max of the smooth objective's Hessian
 */
public record ExactReference(double[] theta, double optimalObjective, double lipschitz) {

  /** Eigenvalues below this fraction of the largest are treated as 0. */
  private static final double RANK_TOLERANCE = 1e-12;

  public static ExactReference of(GramMatrix g, Penalty penalty) {
    return of(g, penalty, true);
  }

  /**
   * @param intercept false for a fit through the origin: the intercept's row and column of the
   *     Hessian are zero, so the minimum-norm solution keeps it at 0
   */
  public static ExactReference of(GramMatrix g, Penalty penalty, boolean intercept) {
    int p = g.d + 1;
    double n = g.n;
    // Hessian H = (2/n) A + λ2·diag(0, 1, …, 1) with A = [[n, Σzᵀ], [Σz, ZᵀZ]].
    double[][] h = new double[p][p];
    h[0][0] = 2;
    for (int j = 0; j < g.d; j++) {
      h[0][j + 1] = h[j + 1][0] = 2 * g.sumZ[j] / n;
      for (int k = 0; k < g.d; k++) {
        h[j + 1][k + 1] = 2 * g.zz(j, k) / n;
      }
      h[j + 1][j + 1] += penalty.l2();
    }
    double[] b = new double[p];
    b[0] = 2 * g.sumY / n;
    if (!intercept) {
      for (int j = 0; j < p; j++) {
        h[0][j] = h[j][0] = 0;
      }
      b[0] = 0;
    }
    for (int j = 0; j < g.d; j++) {
      b[j + 1] = 2 * g.zy[j] / n;
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(h, false));
    double[] values = eigen.getRealEigenvalues();
    double largest = 0;
    for (double v : values) {
      largest = Math.max(largest, v);
    }
    if (penalty.l2() != penalty.lambda()) {
      return new ExactReference(null, Double.NaN, largest);
    }
    RealMatrix vectors = eigen.getV();
    double[] theta = new double[p];
    for (int e = 0; e < p; e++) {
      if (values[e] <= RANK_TOLERANCE * largest) {
        continue;
      }
      double[] v = vectors.getColumn(e);
      double projection = 0;
      for (int i = 0; i < p; i++) {
        projection += v[i] * b[i];
      }
      for (int i = 0; i < p; i++) {
        theta[i] += v[i] * projection / values[e];
      }
    }
    return new ExactReference(theta, objective(g, theta) + penalty.value(theta), largest);
  }

  /** J(θ) = (1/n)(θᵀAθ − 2θᵀc + Σy²), c = (Σy, Zᵀy). */
  static double objective(GramMatrix g, double[] theta) {
    double quadratic = g.n * theta[0] * theta[0];
    double linear = theta[0] * g.sumY;
    for (int j = 0; j < g.d; j++) {
      quadratic += 2 * theta[0] * theta[j + 1] * g.sumZ[j];
      linear += theta[j + 1] * g.zy[j];
      for (int k = 0; k < g.d; k++) {
        quadratic += theta[j + 1] * theta[k + 1] * g.zz(j, k);
      }
    }
    return Math.max(0, (quadratic - 2 * linear + g.yy) / g.n);
  }

  /**
   * The same reference with the optimal objective measured by a pass over the data at
   * {@link #theta}: the Gram formula subtracts numbers near Σy²/n ≈ 1 and keeps about 12
   * digits, a pass keeps them all, so gaps stay meaningful down to 1e-15.
   */
  public ExactReference withMeasuredObjective(double objective) {
    return new ExactReference(theta, objective, lipschitz);
  }

  public boolean hasOptimum() {
    return theta != null;
  }

  /** The step 1/L. */
  public double safeStep() {
    return 1 / lipschitz;
  }
}
