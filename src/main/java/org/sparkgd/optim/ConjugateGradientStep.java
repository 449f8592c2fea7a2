package org.sparkgd.optim;

import java.util.Map;

/**
 * Nonlinear conjugate gradients (Polak–Ribière+) with an exact line search in the same pass: the
 * cost is quadratic along a line, so the gradient at one trial point along the direction gives
 * the curvature, the exact step and (by linear interpolation) the next gradient. For least
 * squares without an L1 part this converges in about p passes.
 */
final class ConjugateGradientStep extends StepStrategy {
  /** Stop when ‖∇J‖ falls below this fraction of its first value. */
  private static final double GRADIENT_FLOOR = 1e-9;

  private double step;
  private double[] direction;
  /** This pass's trial point along the direction. */
  private double[] trial;

  record Spec(double firstStep) implements Factory {
    @Override
    public StepStrategy create(Penalty penalty, DescentSettings common) {
      return new ConjugateGradientStep(firstStep, penalty);
    }

    @Override
    public String toString() {
      return "conjugate-gradient(first trial step=" + firstStep + "), plain";
    }
  }

  private ConjugateGradientStep(double firstStep, Penalty penalty) {
    super(penalty);
    this.step = firstStep;
  }

  @Override
  double[][] points(Run run) {
    if (direction == null) {
      return new double[][] {next};
    }
    trial = along(next != null ? next : run.last(), step);
    return next == null ? new double[][] {trial} : new double[][] {next, trial};
  }

  /**
   * Records the measured point (if one was evaluated), then from the gradient at the trial point
   * takes the exact step, interpolates the gradient there, and turns the direction.
   */
  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    if (direction == null) {
      recordPending(results[0], run, passes, elapsedMillis);
      direction = run.lastGradient().clone();
      return;
    }
    if (next != null && !recordPending(results[0], run, passes, elapsedMillis)) {
      return;
    }
    Evaluation atTrial = results[results.length - 1];
    double[] g0 = run.lastGradient();
    double[] g1 = penalty.smoothGradient(trial, atTrial.gradient());
    double slope = dot(g0, direction);
    double curvature = slope - dot(g1, direction);
    // Along the line J(a) = J(0) − a·(g0·d) + a²·(curvature/step)/2, minimized at a*.
    double exact = slope * step / curvature;
    // Once the gradient is down to rounding, so is the curvature along it: a step computed
    // from noise could go anywhere. That is as converged as the data's precision allows.
    boolean resolved = Math.sqrt(dot(g0, g0)) > GRADIENT_FLOOR * run.firstGradientNorm();
    if (!resolved || !(curvature > 0) || !Double.isFinite(exact) || exact <= 0) {
      run.stop(StopReason.CONVERGED);
      return;
    }
    double[] g = new double[g0.length];
    for (int j = 0; j < g.length; j++) {
      g[j] = g0[j] + (g1[j] - g0[j]) * exact / step;
    }
    double previous = dot(g0, g0);
    double beta = previous > 0 ? Math.max(0, (dot(g, g) - dot(g, g0)) / previous) : 0;
    next = along(run.last(), exact);
    pendingStep = exact;
    step = exact;
    for (int j = 0; j < g.length; j++) {
      direction[j] = g[j] + beta * direction[j];
    }
  }

  /** θ − a·d along the conjugate direction (no prox: conjugate gradients go without L1). */
  private double[] along(double[] theta, double a) {
    double[] p = theta.clone();
    for (int j = 0; j < p.length; j++) {
      p[j] -= a * direction[j];
    }
    return p;
  }

  /** a · b, for the optimizers' vectors. */
  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  @Override
  protected void save(Map<String, double[]> state) {
    state.put("step", new double[] {step});
    if (direction != null) {
      state.put("direction", direction.clone());
    }
  }

  @Override
  protected void load(Map<String, double[]> state) {
    step = scalar(state, "step");
    direction = copy(state.get("direction"));
  }
}
