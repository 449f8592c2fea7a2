package org.sparkgd.optim;

/**
 * A run that is handed its answer: the exact solution of the normal equations, recorded from
 * its measured evaluation as the one row of its history, the way every run records its points.
 */
public final class ExactPoint extends StepStrategy {
  static final String NAME = "normal";
  static final String DESCRIPTION = "normal equations (exact)";

  private ExactPoint(Penalty penalty) {
    super(penalty);
  }

  /**
   * @param measured the evaluation at {@code theta}, made by the caller (one pass)
   */
  public static DescentResult result(double[] theta, Evaluation measured, Penalty penalty,
      DescentSettings common) {
    RunSettings settings = new RunSettings(NAME, (p, c) -> new ExactPoint(p), penalty);
    Run run = new Run(settings, common, theta);
    run.accept(new Evaluation[] {measured}, 1, 0);
    DescentResult r = run.result();
    return new DescentResult(r.run(), DESCRIPTION, r.theta(), r.history(), r.stopReason(),
        r.updates(), r.finalCost(), r.finalObjective());
  }

  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    recordPending(results[0], run, passes, elapsedMillis);
    run.stop(StopReason.CONVERGED);
  }

  @Override
  boolean usesStopRules() {
    return false;
  }
}
