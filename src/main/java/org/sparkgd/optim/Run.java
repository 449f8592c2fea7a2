package org.sparkgd.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * One model's descent, driven pass by pass by {@link GradientDescent}: it says which points it
 * needs evaluated ({@link #points}), takes their costs and gradients ({@link #accept}), records
 * history rows, applies its step rule, update rule and penalty, and decides when to stop.
 */
final class Run {
  /** Conjugate gradients stop when ‖∇J‖ falls below this fraction of its first value. */
  private static final double GRADIENT_FLOOR = 1e-9;

  private final RunSettings settings;
  private final DescentSettings common;
  private final UpdateRule rule;
  private final Penalty penalty;

  private long iteration;
  private double[] next;
  private double pendingStep;
  private double[] last;
  private double[] lastGradient;
  private double lastObjective = Double.NaN;
  private double lastCost = Double.NaN;
  private double firstObjective = Double.NaN;
  private double step;
  private double[] best;
  private double[] bestGradient;
  private double bestObjective = Double.POSITIVE_INFINITY;
  private double bestCost = Double.NaN;
  private int noImprovement;
  private double[] direction;
  private final List<IterationRecord> history = new ArrayList<>();
  private StopReason stopReason;

  /** The points proposed in this pass and the step that made each. */
  private double[][] proposed;
  private double[] proposedSteps;

  Run(RunSettings settings, DescentSettings common, double[] start) {
    this.settings = settings;
    this.common = common;
    this.rule = settings.newUpdateRule();
    this.penalty = settings.penalty();
    this.next = start.clone();
    this.step = settings.schedule().initialRate();
  }

  Run(RunSettings settings, DescentSettings common, RunState s) {
    this(settings, common, s.next() == null ? s.last() : s.next());
    iteration = s.iteration();
    next = s.next() == null ? null : s.next().clone();
    pendingStep = s.pendingStep();
    last = copy(s.last());
    lastGradient = copy(s.lastGradient());
    lastObjective = s.lastObjective();
    lastCost = s.lastCost();
    firstObjective = s.firstObjective();
    step = s.step();
    best = copy(s.best());
    bestGradient = copy(s.bestGradient());
    bestObjective = s.bestObjective();
    bestCost = s.bestCost();
    noImprovement = s.noImprovement();
    direction = copy(s.direction());
    rule.restore(s.rule());
    history.addAll(s.history());
    stopReason = s.stopReason();
  }

  RunState snapshot() {
    return new RunState(iteration, copy(next), pendingStep, copy(last), copy(lastGradient),
        lastObjective, lastCost, firstObjective, step, copy(best), copy(bestGradient),
        bestObjective, bestCost, noImprovement, copy(direction), rule.state(), history,
        stopReason);
  }

  RunSettings settings() {
    return settings;
  }

  boolean finished() {
    return stopReason != null;
  }

  List<IterationRecord> history() {
    return history;
  }

  /** The points to evaluate in this pass. */
  double[][] points() {
    if (settings.stepMode() == StepMode.CONJUGATE_GRADIENT && direction != null) {
      double[] along = along(next != null ? next : last, step);
      proposed = next == null ? new double[][] {along} : new double[][] {next, along};
      proposedSteps = next == null ? new double[] {step} : new double[] {pendingStep, step};
    } else if (next != null) {
      proposed = new double[][] {next};
      proposedSteps = new double[] {pendingStep};
    } else if (settings.stepMode() == StepMode.LINE_SEARCH) {
      double[] steps = settings.lineSearchSteps();
      proposed = new double[steps.length + 1][];
      proposedSteps = new double[steps.length + 1];
      proposed[0] = last; // step 0: compares the candidates with the last point on one batch
      for (int i = 0; i < steps.length; i++) {
        proposed[i + 1] = stepFrom(last, lastGradient, steps[i]);
        proposedSteps[i + 1] = steps[i];
      }
    } else {
      proposed = new double[][] {last, stepFrom(last, lastGradient, step)};
      proposedSteps = new double[] {0, step};
    }
    return proposed;
  }

  /** prox(θ − α·d, α). */
  private double[] stepFrom(double[] theta, double[] direction, double alpha) {
    double[] moved = theta.clone();
    for (int j = 0; j < moved.length; j++) {
      moved[j] -= alpha * direction[j];
    }
    return penalty.prox(moved, alpha);
  }

  /** θ − a·d along the conjugate direction (no prox: conjugate gradients go without L1). */
  private double[] along(double[] theta, double a) {
    double[] p = theta.clone();
    for (int j = 0; j < p.length; j++) {
      p[j] -= a * direction[j];
    }
    return p;
  }

  /** Takes the evaluations of {@link #points()}, in order. */
  void accept(Evaluation[] results, long passes, double elapsedMillis) {
    if (settings.stepMode() == StepMode.CONJUGATE_GRADIENT) {
      acceptConjugate(results, passes, elapsedMillis);
    } else if (next != null) {
      record(next, results[0], pendingStep, passes, elapsedMillis);
      next = null;
      if (!finished()) {
        advance();
      }
    } else if (settings.stepMode() == StepMode.LINE_SEARCH) {
      chooseLineSearchStep(results, passes, elapsedMillis);
    } else {
      tryBacktrackingStep(results, passes, elapsedMillis);
    }
  }

  /** After a recorded point: the next one, for the modes that step without trying. */
  private void advance() {
    switch (settings.stepMode()) {
      case SCHEDULE -> {
        double alpha = settings.schedule().rate(iteration - 1);
        next = stepFrom(last, rule.direction(lastGradient), alpha);
        pendingStep = alpha;
      }
      case ADAPTIVE -> {
        next = stepFrom(best, bestGradient, step);
        pendingStep = step;
      }
      default -> { } // LINE_SEARCH and BACKTRACKING propose from the last point next pass
    }
  }

  /**
   * The adaptive rule's bookkeeping after each recorded point: a lower objective becomes the
   * best and resets the step; otherwise the step shrinks (the next point starts again from the
   * best), and the run stops after --patience such iterations.
   */
  private void updateBest(double objective) {
    if (objective < bestObjective) {
      boolean tiny = Double.isFinite(bestObjective) && bestObjective - objective
          <= convergenceTolerance() * Math.abs(bestObjective);
      best = last.clone();
      bestGradient = lastGradient.clone();
      bestObjective = objective;
      bestCost = lastCost;
      noImprovement = 0;
      step = settings.schedule().initialRate();
      if (tiny) {
        stopReason = StopReason.CONVERGED;
      }
    } else if (++noImprovement >= settings.patience()) {
      stopReason = StopReason.NO_IMPROVEMENT;
    } else {
      step *= settings.shrink();
    }
  }

  /**
   * Conjugate gradients: record the measured point (if one was evaluated), then from the
   * gradient at the trial point along the direction take the exact step, interpolate the
   * gradient there, and turn the direction (Polak–Ribière+).
   */
  private void acceptConjugate(Evaluation[] results, long passes, double elapsedMillis) {
    if (direction == null) {
      record(next, results[0], pendingStep, passes, elapsedMillis);
      next = null;
      direction = lastGradient.clone();
      return;
    }
    int trial = results.length - 1;
    if (next != null) {
      record(next, results[0], pendingStep, passes, elapsedMillis);
      next = null;
      if (finished()) {
        return;
      }
    }
    double[] g0 = lastGradient;
    double[] g1 = penalty.smoothGradient(proposed[trial], results[trial].gradient());
    double slope = dot(g0, direction);
    double curvature = slope - dot(g1, direction);
    // Along the line J(a) = J(0) − a·(g0·d) + a²·(curvature/step)/2, minimized at a*.
    double exact = slope * step / curvature;
    // Once the gradient is down to rounding, so is the curvature along it: a step computed
    // from noise could go anywhere. That is as converged as the data's precision allows.
    boolean resolved = Math.sqrt(dot(g0, g0)) > GRADIENT_FLOOR * history.get(0).gradientNorm();
    if (!resolved || !(curvature > 0) || !Double.isFinite(exact) || exact <= 0) {
      stopReason = StopReason.CONVERGED;
      return;
    }
    double[] g = new double[g0.length];
    for (int j = 0; j < g.length; j++) {
      g[j] = g0[j] + (g1[j] - g0[j]) * exact / step;
    }
    double previous = dot(g0, g0);
    double beta = previous > 0 ? Math.max(0, (dot(g, g) - dot(g, g0)) / previous) : 0;
    next = along(last, exact);
    pendingStep = exact;
    step = exact;
    for (int j = 0; j < g.length; j++) {
      direction[j] = g[j] + beta * direction[j];
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  private double convergenceTolerance() {
    return common.convergence() instanceof ConvergenceChecker.RelativeCostChange c
        ? c.tolerance() : 0;
  }

  private void chooseLineSearchStep(Evaluation[] results, long passes, double elapsedMillis) {
    int winner = 0;
    double lowest = safeObjective(proposed[0], results[0]);
    for (int i = 1; i < results.length; i++) {
      double objective = safeObjective(proposed[i], results[i]);
      if (objective < lowest) {
        lowest = objective;
        winner = i;
      }
    }
    if (winner == 0) {
      stopReason = StopReason.CONVERGED; // no step lowers the cost
      return;
    }
    record(proposed[winner], results[winner], proposedSteps[winner], passes, elapsedMillis);
  }

  /**
   * Accepts the trial when the smooth part f decreases enough (the sufficient-decrease test of
   * proximal backtracking, Beck and Teboulle): f(p) ≤ f(θ) + ∇f(θ)·(p − θ) + ‖p − θ‖²/(2α).
   */
  private void tryBacktrackingStep(Evaluation[] results, long passes, double elapsedMillis) {
    double[] trial = proposed[1];
    double here = results[0].cost() + smoothPenalty(last);
    double there = results[1].cost() + smoothPenalty(trial);
    double bound = here;
    for (int j = 0; j < trial.length; j++) {
      double delta = trial[j] - last[j];
      bound += lastGradient[j] * delta + delta * delta / (2 * step);
    }
    if (results[1].rows() > 0 && Double.isFinite(there) && there <= bound) {
      record(trial, results[1], step, passes, elapsedMillis);
      step /= settings.shrink(); // try a longer step next time
    } else {
      step *= settings.shrink();
      if (step < 1e-30) {
        stopReason = StopReason.CONVERGED; // no step decreases the cost any more
      }
    }
  }

  private double smoothPenalty(double[] theta) {
    double squares = 0;
    for (int j = 1; j < theta.length; j++) {
      squares += theta[j] * theta[j];
    }
    return penalty.l2() / 2 * squares;
  }

  private double safeObjective(double[] theta, Evaluation e) {
    double objective = e.cost() + penalty.value(theta);
    return Double.isFinite(objective) ? objective : Double.POSITIVE_INFINITY;
  }

  /** Records an evaluated point as the next history row and checks the stop rules. */
  private void record(double[] theta, Evaluation e, double stepUsed, long passes,
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
    boolean adaptive = settings.stepMode() == StepMode.ADAPTIVE;
    if (adaptive) {
      updateBest(objective);
    }
    if (stopReason != null) {
      iteration++;
      return;
    }
    if (!adaptive && diverging(objective)) {
      stopReason = StopReason.DIVERGED;
    } else if (!adaptive && previous != null
        && common.convergence().converged(previousObjective, objective, previous, theta)) {
      stopReason = StopReason.CONVERGED;
    } else if (iteration == common.maxIterations()) {
      stopReason = StopReason.MAX_ITERATIONS;
    }
    iteration++;
  }

  /** Non-finite, or far above the first objective (≈ 1 on standardized data from θ = 0). */
  private boolean diverging(double objective) {
    return !Double.isFinite(objective)
        || (firstObjective > 0 && objective > common.divergenceFactor() * firstObjective);
  }

  DescentResult result() {
    boolean adaptive = settings.stepMode() == StepMode.ADAPTIVE && best != null;
    double[] theta = adaptive ? best : last;
    return new DescentResult(settings.name(), settings.toString(),
        theta == null ? next : theta.clone(), List.copyOf(history),
        stopReason, Math.max(0, history.size() - 1), adaptive ? bestCost : lastCost,
        adaptive ? bestObjective : lastObjective);
  }

  private static double[] copy(double[] a) {
    return a == null ? null : a.clone();
  }
}
