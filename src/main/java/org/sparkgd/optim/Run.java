package org.sparkgd.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * One model's descent, driven pass by pass by {@link GradientDescent}: its history and its stop
 * rules. Which points to evaluate and which to accept is its {@link StepStrategy}'s business;
 * the strategy records accepted points here ({@link #record}), and the run checks divergence,
 * convergence and the iteration limit after each.
 */
final class Run {
  private final RunSettings settings;
  private final DescentSettings common;
  private final Penalty penalty;
  private final StepStrategy strategy;

  private long iteration;
  private double[] last;
  private double[] lastGradient;
  private double lastObjective = Double.NaN;
  private double lastCost = Double.NaN;
  private double firstObjective = Double.NaN;
  private final List<IterationRecord> history = new ArrayList<>();
  private StopReason stopReason;

  Run(RunSettings settings, DescentSettings common, double[] start) {
    this.settings = settings;
    this.common = common;
    this.penalty = settings.penalty();
    this.strategy = settings.step().create(penalty, common);
    strategy.start(start);
  }

  /** Continues a run from its checkpointed state. */
  Run(RunSettings settings, DescentSettings common, RunState s) {
    this.settings = settings;
    this.common = common;
    this.penalty = settings.penalty();
    this.strategy = settings.step().create(penalty, common);
    strategy.restore(s.step());
    iteration = s.iteration();
    last = copy(s.last());
    lastGradient = copy(s.lastGradient());
    lastObjective = s.lastObjective();
    lastCost = s.lastCost();
    firstObjective = s.firstObjective();
    history.addAll(s.history());
    stopReason = s.stopReason();
  }

  RunState snapshot() {
    return new RunState(iteration, copy(last), copy(lastGradient), lastObjective, lastCost,
        firstObjective, strategy.state(), history, stopReason);
  }

  boolean finished() {
    return stopReason != null;
  }

  List<IterationRecord> history() {
    return history;
  }

  /** The points to evaluate in this pass. */
  double[][] points() {
    return strategy.points(this);
  }

  /** Takes the evaluations of {@link #points()}, in order. */
  void accept(Evaluation[] results, long passes, double elapsedMillis) {
    strategy.accept(results, this, passes, elapsedMillis);
  }

  /** The iteration the next recorded row will have. */
  long iteration() {
    return iteration;
  }

  double[] last() {
    return last;
  }

  /** The gradient of the smooth objective at {@link #last()}. */
  double[] lastGradient() {
    return lastGradient;
  }

  double lastCost() {
    return lastCost;
  }

  /** ‖∇J‖ at the first recorded point. */
  double firstGradientNorm() {
    return history.get(0).gradientNorm();
  }

  void stop(StopReason reason) {
    stopReason = reason;
  }

  /** Records an evaluated point as the next history row and checks the stop rules. */
  void record(double[] theta, Evaluation e, double stepUsed, long passes,
      double elapsedMillis) {
    double objective = e.cost() + penalty.value(theta);
    double[] gradient = penalty.smoothGradient(theta, e.gradient());
    double gap = objective - common.optimalObjective();
    history.add(new IterationRecord(settings.name(), iteration, e.cost(), objective, stepUsed,
        GradientDescent.norm(gradient), theta.clone(), e.rows(), passes, gap, elapsedMillis));
    double[] previous = last;
    double previousObjective = lastObjective;
    last = theta.clone();
    lastGradient = gradient;
    lastObjective = objective;
    lastCost = e.cost();
    if (Double.isNaN(firstObjective)) {
      firstObjective = objective;
    }
    strategy.recorded(this, objective);
    if (stopReason == null) {
      boolean rules = strategy.usesStopRules();
      if (rules && diverging(objective)) {
        stopReason = StopReason.DIVERGED;
      } else if (rules && previous != null
          && common.convergence().converged(previousObjective, objective, previous, theta)) {
        stopReason = StopReason.CONVERGED;
      } else if (iteration == common.maxIterations()) {
        stopReason = StopReason.MAX_ITERATIONS;
      }
    }
    iteration++;
  }

  /** Non-finite, or far above the first objective (≈ 1 on standardized data from θ = 0). */
  private boolean diverging(double objective) {
    return !Double.isFinite(objective)
        || (firstObjective > 0 && objective > common.divergenceFactor() * firstObjective);
  }

  DescentResult result() {
    StepStrategy.Best best = strategy.best();
    double[] theta = best != null ? best.theta() : last;
    return new DescentResult(settings.name(), settings.toString(),
        theta == null ? strategy.pending() : theta.clone(), List.copyOf(history), stopReason,
        Math.max(0, history.size() - 1), best != null ? best.cost() : lastCost,
        best != null ? best.objective() : lastObjective);
  }

  private static double[] copy(double[] a) {
    return a == null ? null : a.clone();
  }
}
