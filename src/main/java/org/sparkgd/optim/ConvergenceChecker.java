package org.sparkgd.optim;

/**
 * Decides whether a run has converged, from one recorded point to the next (after Commons
 * Math's {@code ConvergenceChecker}). A tolerance of 0 never converges.
 */
public interface ConvergenceChecker {
  boolean converged(double previousObjective, double objective, double[] previousTheta,
      double[] theta);

  /** |J_k − J_{k−1}| ≤ tol · |J_{k−1}|: for full batches, where the cost is exact. */
  static ConvergenceChecker relativeCostChange(double tolerance) {
    return new RelativeCostChange(tolerance);
  }

  /**
   * ‖θ_k − θ_{k−1}‖ ≤ tol · max(‖θ_k‖, 1), as MLlib's mini-batch SGD: a batch's cost is noisy,
   * so a small change of it says little.
   */
  static ConvergenceChecker relativeParameterChange(double tolerance) {
    return new RelativeParameterChange(tolerance);
  }

  /**
   * Every reported coefficient (a linear map of θ, e.g. to the original scale) within its
   * tolerance of the known optimum's: |Σ_k map_ik (θ_k − optimum_k)| ≤ tolerance_i for all i.
   */
  static ConvergenceChecker nearOptimum(double[] optimum, double[][] map, double[] tolerance) {
    return new NearOptimum(optimum.clone(), map, tolerance.clone());
  }

  record NearOptimum(double[] optimum, double[][] map, double[] tolerance)
      implements ConvergenceChecker {
    @Override
    public boolean converged(double previousObjective, double objective, double[] previousTheta,
        double[] theta) {
      for (int i = 0; i < map.length; i++) {
        double error = 0;
        for (int k = 0; k < theta.length; k++) {
          error += map[i][k] * (theta[k] - optimum[k]);
        }
        if (!(Math.abs(error) <= tolerance[i])) {
          return false;
        }
      }
      return true;
    }
  }

  record RelativeCostChange(double tolerance) implements ConvergenceChecker {
    @Override
    public boolean converged(double previousObjective, double objective, double[] previousTheta,
        double[] theta) {
      return tolerance > 0
          && Math.abs(objective - previousObjective) <= tolerance * Math.abs(previousObjective);
    }
  }

  record RelativeParameterChange(double tolerance) implements ConvergenceChecker {
    @Override
    public boolean converged(double previousObjective, double objective, double[] previousTheta,
        double[] theta) {
      if (tolerance <= 0) {
        return false;
      }
      double diff = 0;
      double norm = 0;
      for (int j = 0; j < theta.length; j++) {
        diff += (theta[j] - previousTheta[j]) * (theta[j] - previousTheta[j]);
        norm += theta[j] * theta[j];
      }
      return Math.sqrt(diff) <= tolerance * Math.max(Math.sqrt(norm), 1.0);
    }
  }
}
