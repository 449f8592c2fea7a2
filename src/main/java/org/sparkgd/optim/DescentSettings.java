package org.sparkgd.optim;

/**
 * The settings of one gradient descent.
 *
 * @param learningRate α in θ ← θ − α·∇J
 * @param maxIterations updates at most; the history then has maxIterations + 1 rows
 * @param divergenceFactor the cost is diverging once it exceeds this multiple of the first cost
 */
public record DescentSettings(double learningRate, long maxIterations,
    ConvergenceChecker convergence, double divergenceFactor) {

  public DescentSettings {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
    }
    if (maxIterations < 0) {
      throw new IllegalArgumentException("max iterations must be ≥ 0: " + maxIterations);
    }
    if (!(divergenceFactor > 1)) {
      throw new IllegalArgumentException("divergence factor must be > 1: " + divergenceFactor);
    }
  }
}
