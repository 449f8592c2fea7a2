package org.sparkgd.optim;

/**
 * What every run of a descent shares.
 *
 * @param maxIterations iterations (updates) at most; the history then has up to
 *     maxIterations + 1 rows per run
 * @param divergenceFactor a run is diverging once its objective exceeds this multiple of its
 *     first objective
 * @param optimalObjective the exact optimum when known (for the optimality gap), else NaN
 */
public record DescentSettings(long maxIterations, ConvergenceChecker convergence,
    double divergenceFactor, double optimalObjective) {

  public DescentSettings {
    if (maxIterations < 0) {
      throw new IllegalArgumentException("max iterations must be ≥ 0: " + maxIterations);
    }
    if (!(divergenceFactor > 1)) {
      throw new IllegalArgumentException("divergence factor must be > 1: " + divergenceFactor);
    }
  }
}
