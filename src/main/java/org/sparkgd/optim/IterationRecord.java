package org.sparkgd.optim;

import java.util.Arrays;

/**
 * One row of the cost history: the cost at θ_k, so iteration 0 holds the starting cost.
 *
 * @param run which run of the fit (a sweep fits several together)
 * @param cost J(θ_k) = (1/n) Σ (ŷ − y)² over {@code rows} rows
 * @param objective J(θ_k) plus the penalty: what the descent minimizes
 * @param stepSize the step of the update that produced θ_k (0 at iteration 0)
 * @param gradientNorm ‖∇(J + smooth penalty)(θ_k)‖
 * @param theta θ_k, intercept first (standardized scale)
 * @param rows rows the cost is over: all of them, or the mini-batch's
 * @param passes passes over the data made so far, this one included
 * @param optimalityGap objective − the exact optimum, or NaN when it is not known
 * @param elapsedMillis since the descent began
 */
public record IterationRecord(String run, long iteration, double cost, double objective,
    double stepSize, double gradientNorm, double[] theta, long rows, long passes,
    double optimalityGap, double elapsedMillis) {

  public double intercept() {
    return theta[0];
  }

  public double[] coefficients() {
    return Arrays.copyOfRange(theta, 1, theta.length);
  }
}
