package org.sparkgd.optim;

import java.util.Arrays;

/**
 * The settings of one run (one model) of a fit; a sweep fits several at once.
 *
 * @param schedule α_t; for ADAPTIVE and BACKTRACKING its first rate is the initial step
 * @param lineSearchSteps the steps LINE_SEARCH tries every iteration
 * @param shrink the factor ADAPTIVE and BACKTRACKING multiply the step by after a failure
 * @param patience ADAPTIVE stops after this many iterations without improvement
 */
public record RunSettings(String name, StepMode stepMode, LearningRateSchedule schedule,
    double[] lineSearchSteps, double shrink, int patience, UpdateKind update, double momentum,
    double adamBeta1, double adamBeta2, double adamEpsilon, Penalty penalty) {

  /** The update rules, created fresh for each run. */
  public enum UpdateKind { PLAIN, MOMENTUM, NESTEROV, ADAM }

  public RunSettings {
    if (stepMode != StepMode.SCHEDULE && update != UpdateKind.PLAIN) {
      throw new IllegalArgumentException(stepMode.name().toLowerCase().replace('_', '-')
          + " steps go with plain updates only, not " + update.name().toLowerCase());
    }
    if (!(shrink > 0 && shrink < 1)) {
      throw new IllegalArgumentException("the shrink factor must be in (0, 1): " + shrink);
    }
  }

  public UpdateRule newUpdateRule() {
    return switch (update) {
      case PLAIN -> UpdateRule.plain();
      case MOMENTUM -> UpdateRule.momentum(momentum);
      case NESTEROV -> UpdateRule.nesterov(momentum);
      case ADAM -> UpdateRule.adam(adamBeta1, adamBeta2, adamEpsilon);
    };
  }

  /** Plain gradient descent with a constant step and no penalty. */
  public static RunSettings constant(double alpha) {
    return new RunSettings("alpha=" + alpha, StepMode.SCHEDULE,
        LearningRateSchedule.constant(alpha), new double[0], 0.5, 100, UpdateKind.PLAIN, 0.9,
        0.9, 0.999, 1e-8, Penalty.NONE);
  }

  public RunSettings withName(String newName) {
    return new RunSettings(newName, stepMode, schedule, lineSearchSteps, shrink, patience,
        update, momentum, adamBeta1, adamBeta2, adamEpsilon, penalty);
  }

  @Override
  public String toString() {
    String step = switch (stepMode) {
      case SCHEDULE -> schedule.toString();
      case ADAPTIVE -> "adaptive(start=" + schedule.initialRate() + ", shrink=" + shrink
          + ", patience=" + patience + ")";
      case LINE_SEARCH -> "line-search" + Arrays.toString(lineSearchSteps);
      case BACKTRACKING -> "backtracking(start=" + schedule.initialRate() + ", shrink=" + shrink
          + ")";
      case CONJUGATE_GRADIENT -> "conjugate-gradient(first trial step="
          + schedule.initialRate() + ")";
    };
    return name + ": " + step + ", " + newUpdateRule() + (penalty.isNone() ? ""
        : ", penalty λ=" + penalty.lambda() + " l1-ratio=" + penalty.l1Ratio());
  }
}
