package org.sparkgd.optim;

/**
 * One row of the cost history: the cost at θ_k before the k-th update, so iteration 0 holds
 * the starting cost.
 *
 * @param theta θ_k, intercept first (standardized scale)
 * @param rows rows the cost is over: all of them, or the mini-batch's
 * @param elapsedMillis since the descent began
 */
public record IterationRecord(long iteration, double cost, double stepSize, double gradientNorm,
    double[] theta, long rows, double elapsedMillis) {

  public double intercept() {
    return theta[0];
  }

  public double[] coefficients() {
    return java.util.Arrays.copyOfRange(theta, 1, theta.length);
  }
}
