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

  public GradientDescent(DescentSettings settings) {
    this.settings = settings;
  }

  public DescentResult run(CostFunction cost, double[] initialTheta, IterationListener listener) {
    long start = System.nanoTime();
    double[] theta = initialTheta.clone();
    double[] previousTheta = null;
    double previousCost = Double.NaN;
    double firstCost = Double.NaN;
    List<IterationRecord> history = new ArrayList<>();
    for (long k = 0; ; k++) {
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
