package org.sparkgd.optim;

/**
 * The tutorial's {@code minimize_batch}, distributed: every listed step is tried from the last
 * point in the same pass that evaluates them, together with the last point itself, and the
 * lowest objective wins; when none is lower than the last point, the run has converged.
 */
final class LineSearchStep extends StepStrategy {
  private final double[] steps;
  /** The points proposed in this pass (the last point first) and the steps that made them. */
  private double[][] proposed;
  private double[] proposedSteps;

  record Spec(double[] steps) implements Factory {
    @Override
    public StepStrategy create(Penalty penalty, DescentSettings common) {
      return new LineSearchStep(steps.clone(), penalty);
    }

    @Override
    public String toString() {
      return "line-search" + java.util.Arrays.toString(steps) + ", plain";
    }
  }

  private LineSearchStep(double[] steps, Penalty penalty) {
    super(penalty);
    this.steps = steps;
  }

  @Override
  double[][] points(Run run) {
    if (next != null) {
      return new double[][] {next};
    }
    proposed = new double[steps.length + 1][];
    proposedSteps = new double[steps.length + 1];
    proposed[0] = run.last();
    for (int i = 0; i < steps.length; i++) {
      proposed[i + 1] = stepFrom(run.last(), run.lastGradient(), steps[i]);
      proposedSteps[i + 1] = steps[i];
    }
    return proposed;
  }

  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    if (next != null) {
      recordPending(results[0], run, passes, elapsedMillis);
      return;
    }
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
      run.stop(StopReason.CONVERGED); // no step lowers the objective
      return;
    }
    run.record(proposed[winner], results[winner], proposedSteps[winner], passes, elapsedMillis);
  }

  private double safeObjective(double[] theta, Evaluation e) {
    double objective = e.cost() + penalty.value(theta);
    return Double.isFinite(objective) ? objective : Double.POSITIVE_INFINITY;
  }
}
