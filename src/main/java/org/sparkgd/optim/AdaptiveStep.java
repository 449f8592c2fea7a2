package org.sparkgd.optim;

import java.util.Map;

/**
 * The tutorial's adaptive rule: after an iteration that does not lower the objective, go back to
 * the best θ and multiply the step by a factor; after one that does, reset the step; stop after
 * {@code patience} iterations without improvement. The run ends at the best point.
 */
final class AdaptiveStep extends StepStrategy {
  private final double initialRate;
  private final double shrink;
  private final int patience;
  /** A lower objective by at most this relative amount counts as converged (batch mode). */
  private final double tolerance;

  private double step;
  private double[] best;
  private double[] bestGradient;
  private double bestObjective = Double.POSITIVE_INFINITY;
  private double bestCost = Double.NaN;
  private int noImprovement;

  record Spec(double initialRate, double shrink, int patience) implements Factory {
    Spec {
      if (!(shrink > 0 && shrink < 1)) {
        throw new IllegalArgumentException("the shrink factor must be in (0, 1): " + shrink);
      }
    }

    @Override
    public StepStrategy create(Penalty penalty, DescentSettings common) {
      double tolerance = common.convergence() instanceof ConvergenceChecker.RelativeCostChange c
          ? c.tolerance() : 0;
      return new AdaptiveStep(this, tolerance, penalty);
    }

    @Override
    public String toString() {
      return "adaptive(start=" + initialRate + ", shrink=" + shrink + ", patience=" + patience
          + "), plain";
    }
  }

  private AdaptiveStep(Spec spec, double tolerance, Penalty penalty) {
    super(penalty);
    this.initialRate = spec.initialRate();
    this.shrink = spec.shrink();
    this.patience = spec.patience();
    this.tolerance = tolerance;
    this.step = initialRate;
  }

  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    if (recordPending(results[0], run, passes, elapsedMillis)) {
      next = stepFrom(best, bestGradient, step);
      pendingStep = step;
    }
  }

  /** A lower objective becomes the best and resets the step; otherwise the step shrinks. */
  @Override
  void recorded(Run run, double objective) {
    if (objective < bestObjective) {
      boolean tiny = Double.isFinite(bestObjective)
          && bestObjective - objective <= tolerance * Math.abs(bestObjective);
      best = run.last().clone();
      bestGradient = run.lastGradient().clone();
      bestObjective = objective;
      bestCost = run.lastCost();
      noImprovement = 0;
      step = initialRate;
      if (tiny) {
        run.stop(StopReason.CONVERGED);
      }
    } else if (++noImprovement >= patience) {
      run.stop(StopReason.NO_IMPROVEMENT);
    } else {
      step *= shrink;
    }
  }

  @Override
  boolean usesStopRules() {
    return false;
  }

  @Override
  Best best() {
    return best == null ? null : new Best(best, bestCost, bestObjective);
  }

  @Override
  protected void save(Map<String, double[]> state) {
    state.put("step", new double[] {step});
    if (best != null) {
      state.put("best", best.clone());
      state.put("bestGradient", bestGradient.clone());
    }
    state.put("bestObjective", new double[] {bestObjective});
    state.put("bestCost", new double[] {bestCost});
    state.put("noImprovement", new double[] {noImprovement});
  }

  @Override
  protected void load(Map<String, double[]> state) {
    step = scalar(state, "step");
    best = copy(state.get("best"));
    bestGradient = copy(state.get("bestGradient"));
    bestObjective = scalar(state, "bestObjective");
    bestCost = scalar(state, "bestCost");
    noImprovement = (int) scalar(state, "noImprovement");
  }
}
