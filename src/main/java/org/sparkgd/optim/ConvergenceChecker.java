package org.sparkgd.optim;

/**
 * Decides whether the descent has converged, from one iteration to the next (after Commons
 * Math's {@code ConvergenceChecker}). A tolerance of 0 never converges.
 */
@FunctionalInterface
public interface ConvergenceChecker {
  boolean converged(double previousCost, double cost, double[] previousTheta, double[] theta);

  /** |J_k − J_{k−1}| ≤ tol · |J_{k−1}|: for full batches, where the cost is exact. */
  static ConvergenceChecker relativeCostChange(double tolerance) {
    return (previousCost, cost, previousTheta, theta) ->
        tolerance > 0 && Math.abs(cost - previousCost) <= tolerance * Math.abs(previousCost);
  }

  /**
   * ‖θ_k − θ_{k−1}‖ ≤ tol · max(‖θ_k‖, 1), as MLlib's mini-batch SGD: a batch's cost is noisy,
   * so a small change of it says little.
   */
  static ConvergenceChecker relativeParameterChange(double tolerance) {
    return (previousCost, cost, previousTheta, theta) -> {
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
    };
  }
}
