package org.sparkgd.optim;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The descent loop: evaluate J and ∇J at θ_k, record them, stop or step θ_{k+1} = θ_k − α∇J.
 * It knows nothing of Spark: the {@link CostFunction} does the passes over the data.
 */
public final class GradientDescent {
  private static final Logger LOG = LoggerFactory.getLogger(GradientDescent.class);

  private final DescentSettings settings;
  private final long checkpointEvery;

  /** @param checkpointEvery hand the state to the checkpoints every this many updates (0: never) */
  public GradientDescent(DescentSettings settings, long checkpointEvery) {
    this.settings = settings;
    this.checkpointEvery = checkpointEvery;
  }

  public GradientDescent(DescentSettings settings) {
    this(settings, 0);
  }

  public DescentResult run(CostFunction cost, double[] initialTheta, IterationListener listener) {
    return run(cost, DescentState.start(initialTheta), listener, Checkpoints.NONE);
  }

  /** Runs from {@code state}: the start, or a checkpoint of an interrupted run. */
  public DescentResult run(CostFunction cost, DescentState state, IterationListener listener,
      Checkpoints checkpoints) {
    long start = System.nanoTime() - (long) (state.elapsedMillis() * 1e6);
    double[] theta = state.theta();
    double[] previousTheta = state.previousTheta();
    double previousCost = state.previousCost();
    double firstCost = state.firstCost();
    List<IterationRecord> history = new ArrayList<>(state.history());
    for (long k = state.iteration(); ; k++) {
      Evaluation e = cost.evaluate(theta, k);
      if (e.rows() == 0) {
        LOG.warn("Iteration {}: the mini-batch is empty; no update (raise --batch-fraction)", k);
        if (k == settings.maxIterations()) {
          return new DescentResult(theta, history, StopReason.MAX_ITERATIONS, k);
        }
        continue;
      }
      IterationRecord record = new IterationRecord(k, e.cost(), settings.learningRate(),
          norm(e.gradient()), theta.clone(), e.rows(), (System.nanoTime() - start) / 1e6);
      history.add(record);
      listener.onIteration(record);
      if (Double.isNaN(firstCost)) {
        firstCost = e.cost();
      }
      if (diverging(e.cost(), firstCost)) {
        return new DescentResult(theta, history, StopReason.DIVERGED, k);
      }
      if (previousTheta != null && settings.convergence().converged(previousCost, e.cost(),
          previousTheta, theta)) {
        return new DescentResult(theta, history, StopReason.CONVERGED, k);
      }
      if (k == settings.maxIterations()) {
        return new DescentResult(theta, history, StopReason.MAX_ITERATIONS, k);
      }
      previousTheta = theta.clone();
      previousCost = e.cost();
      for (int j = 0; j < theta.length; j++) {
        theta[j] -= settings.learningRate() * e.gradient()[j];
      }
      if (checkpointEvery > 0 && (k + 1) % checkpointEvery == 0) {
        checkpoints.save(new DescentState(k + 1, theta, previousTheta, previousCost, firstCost,
            history));
      }
    }
  }

  /** Non-finite, or far above the first cost (which is ≈ 1 on standardized data from θ = 0). */
  private boolean diverging(double cost, double firstCost) {
    return !Double.isFinite(cost)
        || (firstCost > 0 && cost > settings.divergenceFactor() * firstCost);
  }

  static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
