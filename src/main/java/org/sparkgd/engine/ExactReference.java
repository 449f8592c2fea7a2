package org.sparkgd.engine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sparkgd.optim.Penalty;
import org.sparkgd.stats.LeastSquaresFit;
import org.sparkgd.stats.QrAccumulator;

/**
 * The exact least-squares answer on the standardized scale, on the driver, from the QR factor
 * of [1 Z | y] ({@link QrAccumulator}, one pass): the minimizer of J(θ) + λ(1 − a)/2‖w‖² (ridge
 * by augmenting the factor with √(nλ₂/2)·e_j rows; with an L1 part there is no closed form, so
 * no optimum), its objective, and L, the largest eigenvalue of the Hessian (2/n)RᵀR + λ₂, which
 * makes 1/L a step that never diverges. Orthogonal rotations keep the digits the normal
 * equations square away: κ(ZᵀZ) = κ(Z)². Aliased columns (R's 1e-7 rule) get 0, as in R.
 *
 * @param theta the minimizer, or null when the penalty has an L1 part
 * @param optimalObjective its objective, or NaN
 * @param lipschitz L = λ_max of the smooth objective's Hessian
 * @param fit the unpenalized fit with its covariance, for inference (standardized scale), or
 *     null when the reference came from the Gram statistics
 * @param conditionNumber κ₂ of [1 Z] over its non-aliased columns
 */
public record ExactReference(double[] theta, double optimalObjective, double lipschitz,
    LeastSquaresFit fit, double conditionNumber) {
  /** Eigenvalues below this fraction of the largest are treated as 0 ({@link #ofGram}). */
  private static final double RANK_TOLERANCE = 1e-12;

  public static ExactReference of(QrAccumulator factor, Penalty penalty) {
    double n = factor.observations();
    double[][] cross = factor.crossProduct();
    int p = cross.length;
    double[][] h = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        h[i][j] = 2 * cross[i][j] / n;
      }
      h[i][i] += i == 0 ? 0 : penalty.l2();
    }
    double lipschitz = largestEigenvalue(h);
    LeastSquaresFit fit = factor.solve();
    double condition = conditionNumber(cross, fit);
    if (penalty.l2() != penalty.lambda()) {
      return new ExactReference(null, Double.NaN, lipschitz, fit, condition);
    }
    LeastSquaresFit solved = penalty.isNone() ? fit
        : factor.copy().addRidge(n * penalty.l2() / 2).solve();
    // The factor's RSS: Σ r² (plus the ridge rows' n·λ₂/2·‖w‖²), so RSS/n is the objective.
    return new ExactReference(solved.coefficients(), solved.residualSumOfSquares() / n,
        lipschitz, fit, condition);
  }

  /**
   * For weighted fits and fits through the origin, which the QR path does not cover yet: the
   * reference from the Gram statistics (normal equations by eigendecomposition; no inference).
   *
   * @param intercept false for a fit through the origin: the intercept's row and column of the
   *     Hessian are zero, so the minimum-norm solution keeps it at 0
   */
  public static ExactReference ofGram(GramMatrix g, Penalty penalty, boolean intercept) {
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
      return new ExactReference(null, Double.NaN, largest, null, Double.NaN);
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
    return new ExactReference(theta, g.objective(theta) + penalty.value(theta), largest, null,
        Double.NaN);
  }

  /** √(λ_max(XᵀX)·λ_max((XᵀX)⁻¹)) over the non-aliased columns; the inverse from the factor. */
  private static double conditionNumber(double[][] cross, LeastSquaresFit fit) {
    boolean[] aliased = fit.aliased();
    int rank = fit.rank();
    double[][] a = new double[rank][rank];
    double[][] inverse = new double[rank][rank];
    for (int i = 0, r = 0; i < aliased.length; i++) {
      if (aliased[i]) {
        continue;
      }
      for (int j = 0, c = 0; j < aliased.length; j++) {
        if (!aliased[j]) {
          a[r][c] = cross[i][j];
          inverse[r][c++] = fit.unscaledCovariance()[i][j];
        }
      }
      r++;
    }
    return rank == 0 ? Double.NaN : Math.sqrt(largestEigenvalue(a) * largestEigenvalue(inverse));
  }

  private static double largestEigenvalue(double[][] symmetric) {
    double largest = 0;
    for (double v : new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false))
        .getRealEigenvalues()) {
      largest = Math.max(largest, v);
    }
    return largest;
  }

  /**
   * The same reference with the optimal objective measured by a pass over the data at
   * {@link #theta}: the factor's RSS is exact to rounding, a pass at θ is what the descent's
   * own costs are measured with, so gaps compare like with like down to 1e-15.
   */
  public ExactReference withMeasuredObjective(double objective) {
    return new ExactReference(theta, objective, lipschitz, fit, conditionNumber);
  }

  /** The same reference at a refined minimizer (digits won back against the original rows). */
  public ExactReference withTheta(double[] refined) {
    return new ExactReference(refined.clone(), optimalObjective, lipschitz, fit,
        conditionNumber);
  }

  public boolean hasOptimum() {
    return theta != null;
  }

  /** The step 1/L. */
  public double safeStep() {
    return 1 / lipschitz;
  }
}
