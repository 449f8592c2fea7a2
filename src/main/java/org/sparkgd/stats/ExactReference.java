package org.sparkgd.stats;

/**
 * The exact least-squares answer on the standardized scale, from the QR factor of the weighted
 * [1 Z | y] (or [Z | y] through the origin; {@link QrAccumulator}, one pass): the minimizer of
 * J(θ) + λ₂/2‖w‖² with J = Σw·r²/Σw (ridge by augmenting the factor with √(Σw·λ₂/2)·e_j rows;
 * with an L1 part there is no closed form, so no optimum), its objective, and L, the largest
 * eigenvalue of the Hessian (2/Σw)RᵀR + λ₂, which makes 1/L a step that never diverges, and μ,
 * its smallest, with which 2/(L+μ) is the constant step that converges fastest.
 * Orthogonal rotations keep the digits the normal equations square away: κ(ZᵀZ) = κ(Z)².
 * Aliased columns (R's 1e-7 rule) get 0, as in R. L and κ come from the singular values of
 * the triangular factor ({@link SingularValues}), never from XᵀX.
 *
 * @param theta the minimizer, intercept first (0 through the origin), or null when the penalty
 *     has an L1 part
 * @param optimalObjective its objective, or NaN
 * @param lipschitz L = λ_max of the smooth objective's Hessian
 * @param smallestCurvature μ = its λ_min (0 when columns are aliased and there is no ridge)
 * @param fit the unpenalized fit with its covariance, for inference (standardized scale)
 * @param conditionNumber κ₂ of the design over its non-aliased columns
 */
public record ExactReference(double[] theta, double optimalObjective, double lipschitz,
    double smallestCurvature, LeastSquaresFit fit, double conditionNumber) {
  /**
   * L/μ above which the auto step stays 1/L: the fastest step's gain is lost in the iteration
   * limit there, and its distance from the divergent 2/L nears the rounding of L.
   */
  static final double FASTEST_STEP_MAX_CURVATURE_RATIO = 1e8;

  /**
   * @param ridge λ₂, the smooth penalty's coefficient on the feature columns (0: none)
   * @param closedForm false when the penalty has an L1 part: no θ, no optimal objective
   */
  public static ExactReference of(QrAccumulator factor, double ridge, boolean closedForm) {
    double n = factor.weightSum();
    LeastSquaresFit fit = factor.solve();
    QrAccumulator ridged = ridge > 0 ? factor.copy().addRidge(n * ridge / 2) : factor;
    double[] all = SingularValues.of(ridged.upperTriangle(false));
    double lipschitz = 2 * all[0] * all[0] / n;
    double smallest = 2 * all[all.length - 1] * all[all.length - 1] / n;
    double[] kept = ridge == 0 && fit.rank() == fit.columns() ? all
        : SingularValues.of(factor.upperTriangle(true));
    double condition = kept.length == 0 || kept[kept.length - 1] == 0 ? Double.NaN
        : kept[0] / kept[kept.length - 1];
    if (!closedForm) {
      return new ExactReference(null, Double.NaN, lipschitz, smallest, fit, condition);
    }
    LeastSquaresFit solved = ridge > 0 ? ridged.solve() : fit;
    // The factor's RSS: Σw·r² (plus the ridge rows' Σw·λ₂/2·‖w‖²), so RSS/Σw is the objective.
    return new ExactReference(withInterceptSlot(solved), solved.residualSumOfSquares() / n,
        lipschitz, smallest, fit, condition);
  }

  /** θ with the intercept first: the fit's own, or 0 for a fit through the origin. */
  private static double[] withInterceptSlot(LeastSquaresFit fit) {
    if (fit.intercept()) {
      return fit.coefficients();
    }
    double[] theta = new double[fit.columns() + 1];
    System.arraycopy(fit.coefficients(), 0, theta, 1, fit.columns());
    return theta;
  }

  /**
   * The same reference with the optimal objective measured by a pass over the data at
   * {@link #theta}: the factor's RSS is exact to rounding, a pass at θ is what the descent's
   * own costs are measured with, so gaps compare like with like down to 1e-15.
   */
  public ExactReference withMeasuredObjective(double objective) {
    return new ExactReference(theta, objective, lipschitz, smallestCurvature, fit,
        conditionNumber);
  }

  /** The same reference at a refined minimizer (digits won back against the original rows). */
  public ExactReference withTheta(double[] refined) {
    return new ExactReference(refined.clone(), optimalObjective, lipschitz, smallestCurvature,
        fit, conditionNumber);
  }

  public boolean hasOptimum() {
    return theta != null;
  }

  /** The step 1/L. */
  public double safeStep() {
    return 1 / lipschitz;
  }

  /**
   * The constant step that converges fastest on this quadratic: at 2/(L+μ) every
   * eigen-direction of the error shrinks by at least (L−μ)/(L+μ) an iteration, against 1−μ/L
   * at 1/L, and the cost still falls every iteration (the step is below 2/L). 1/L when the
   * objective has an L1 part (a proximal step needs 1/L) or L/μ is too large for it to matter.
   */
  public double fastestStep() {
    boolean usable = hasOptimum() && smallestCurvature > 0
        && lipschitz / smallestCurvature <= FASTEST_STEP_MAX_CURVATURE_RATIO;
    return usable ? 2 / (lipschitz + smallestCurvature) : safeStep();
  }
}
