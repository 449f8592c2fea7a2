package org.sparkgd.optim;

import java.util.function.Supplier;

/**
 * The settings of one run (one model) of a fit; a sweep fits several at once. Made through the
 * factories below (or {@code job.DescentPlan} from the options); {@code toString} describes the
 * optimizer, as model.json shows it.
 *
 * @param step makes the run's step strategy
 * @param penalty on the standardized coefficients
 */
public record RunSettings(String name, StepStrategy.Factory step, Penalty penalty) {

  /** α_t from a schedule along the direction of an update rule (a fresh rule per run). */
  public static StepStrategy.Factory schedule(LearningRateSchedule schedule,
      Supplier<UpdateRule> rule) {
    return new ScheduledStep.Spec(schedule, rule);
  }

  /** The tutorial's adaptive rule: improve or go back to the best θ and shrink the step. */
  public static StepStrategy.Factory adaptive(double initialRate, double shrink, int patience) {
    return new AdaptiveStep.Spec(initialRate, shrink, patience);
  }

  /** Every step in {@code steps} tried in one pass; the lowest objective wins. */
  public static StepStrategy.Factory lineSearch(double[] steps) {
    return new LineSearchStep.Spec(steps.clone());
  }

  /** Proximal backtracking from {@code initialRate}, one trial a pass. */
  public static StepStrategy.Factory backtracking(double initialRate) {
    return new BacktrackingStep.Spec(initialRate);
  }

  /** Conjugate gradients with the exact step; the first trial step along the gradient. */
  public static StepStrategy.Factory conjugateGradient(double firstStep) {
    return new ConjugateGradientStep.Spec(firstStep);
  }

  /** Plain gradient descent with a constant step and no penalty. */
  public static RunSettings constant(double alpha) {
    return new RunSettings("alpha=" + alpha,
        schedule(LearningRateSchedule.constant(alpha), UpdateRule::plain), Penalty.NONE);
  }

  public RunSettings withName(String newName) {
    return new RunSettings(newName, step, penalty);
  }

  @Override
  public String toString() {
    return name + ": " + step + (penalty.isNone() ? ""
        : ", penalty λ=" + penalty.lambda() + " l1-ratio=" + penalty.l1Ratio());
  }
}
