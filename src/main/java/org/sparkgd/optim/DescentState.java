package org.sparkgd.optim;

import java.util.List;

/**
 * Everything the descent loop carries from one iteration to the next: enough to continue a
 * descent elsewhere (a checkpoint) and end with exactly the θ and history of an uninterrupted
 * run. The mini-batch sampler needs no state: a batch is drawn from (seed, iteration).
 *
 * @param iteration the next iteration to evaluate
 * @param theta θ at that iteration
 * @param previousTheta θ of the iteration before, or null at the start
 * @param previousCost its cost (NaN at the start)
 * @param firstCost the first recorded cost (NaN until there is one), for divergence
 * @param history the rows recorded so far
 */
public record DescentState(long iteration, double[] theta, double[] previousTheta,
    double previousCost, double firstCost, List<IterationRecord> history) {

  public DescentState {
    theta = theta.clone();
    previousTheta = previousTheta == null ? null : previousTheta.clone();
    history = List.copyOf(history);
  }

  /** The state before the first iteration. */
  public static DescentState start(double[] theta) {
    return new DescentState(0, theta, null, Double.NaN, Double.NaN, List.of());
  }

  /** Milliseconds the descent had run when this state was reached (0 at the start). */
  public double elapsedMillis() {
    return history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedMillis();
  }
}
