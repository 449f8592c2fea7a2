package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.Standardization;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.CurvatureEstimate;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.LearningRateSchedule;
import org.sparkgd.optim.Penalty;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.optim.StepStrategy;
import org.sparkgd.optim.UpdateRule;
import org.sparkgd.stats.ExactReference;

/**
 * The optimizer objects of a fit, built once from its options: the penalty, whether to compute
 * the exact reference, the settings every run shares, and the runs fitted together (one per
 * learning rate × update rule; an auto rate comes from the reference's curvatures, else from an
 * estimate of the largest curvature, so the runs are made from them).
 *
 * @param referenceChoice whether the fit computes the exact reference (one extra pass), and why
 */
public record DescentPlan(DescentOptions options, Penalty penalty,
    ReferenceChoice referenceChoice) {
  /** Adam's step is about α per coordinate whatever the curvature: its own usual default. */
  static final double ADAM_DEFAULT_RATE = 0.01;
  /**
   * @param rows the training rows
   * @param memory the heap the reference's matrices must fit in ({@link ReferenceChoice#memory})
   */
  public static DescentPlan of(DescentOptions c, long rows, int numFeatures, long memory) {
    Penalty penalty = switch (c.penalty()) {
      case NONE -> Penalty.NONE;
      case L2 -> new Penalty(c.lambda(), 0);
      case L1 -> new Penalty(c.lambda(), 1);
      case ELASTIC_NET -> new Penalty(c.lambda(), c.l1Ratio());
    };
    return new DescentPlan(c, penalty, ReferenceChoice.of(c, rows, numFeatures, memory));
  }

  /** Whether the fit computes the exact reference. */
  public boolean wantsReference() {
    return referenceChoice.on();
  }

  /** What every run shares: the iteration limit, the stop rule and the known optimum. */
  public DescentSettings settings(ExactReference reference) {
    return settings(reference, null);
  }

  /**
   * As {@link #settings(ExactReference)}; with the standardization, a batch fit whose unique
   * optimum is known stops by {@link StopRule#nearOptimum} instead of the cost change.
   */
  public DescentSettings settings(ExactReference reference, Standardization s) {
    ConvergenceChecker convergence = options.mode() == Mode.BATCH
        ? ConvergenceChecker.relativeCostChange(options.tolerance())
        : ConvergenceChecker.relativeParameterChange(options.tolerance());
    if (s != null && options.mode() == Mode.BATCH && options.tolerance() > 0
        && StopRule.uniqueOptimum(reference, penalty, s)) {
      convergence = StopRule.nearOptimum(reference.theta(), s);
    }
    double optimum = reference != null && reference.hasOptimum()
        ? reference.optimalObjective() : Double.NaN;
    return new DescentSettings(options.maxIterations(), convergence,
        options.divergenceFactor(), optimum);
  }

  /**
   * The runs, in order.
   *
   * @param reference the exact reference, or null when not computed
   * @param curvature the estimate an auto rate takes without the reference; asked only then
   */
  public List<RunSettings> runs(ExactReference reference,
      Supplier<CurvatureEstimate> curvature) {
    return runs(options, reference, curvature);
  }

  private List<RunSettings> runs(DescentOptions c, ExactReference reference,
      Supplier<CurvatureEstimate> curvature) {
    List<RunSettings> runs = new ArrayList<>();
    boolean sweepUpdates = c.updates().size() > 1;
    for (OptimizerKinds.Update update : c.updates()) {
      List<Double> rates = c.autoLearningRate()
          ? List.of(defaultRate(c, update, reference, curvature)) : c.learningRates();
      for (double rate : rates) {
        String name = "alpha=" + rate + (sweepUpdates ? "," + Choices.word(update) : "");
        runs.add(new RunSettings(name, step(c, rate, update), penalty));
      }
    }
    return runs;
  }

  /** The step strategy: --schedule adaptive is a strategy of its own, else --step's. */
  private static StepStrategy.Factory step(DescentOptions c, double rate,
      OptimizerKinds.Update update) {
    LearningRateSchedule schedule = schedule(c, rate);
    if (c.schedule() == OptimizerKinds.Schedule.ADAPTIVE) {
      return RunSettings.adaptive(schedule.initialRate(), c.adaptiveFactor(), c.patience());
    }
    return switch (c.step()) {
      case SCHEDULE -> RunSettings.schedule(schedule, () -> rule(c, update));
      case LINE_SEARCH -> RunSettings.lineSearch(
          c.lineSearchSteps().stream().mapToDouble(Double::doubleValue).toArray());
      case BACKTRACKING -> RunSettings.backtracking(schedule.initialRate());
      case CONJUGATE_GRADIENT -> RunSettings.conjugateGradient(schedule.initialRate());
    };
  }

  private static UpdateRule rule(DescentOptions c, OptimizerKinds.Update update) {
    return switch (update) {
      case PLAIN -> UpdateRule.plain();
      case MOMENTUM -> UpdateRule.momentum(c.momentum());
      case NESTEROV -> UpdateRule.nesterov(c.momentum());
      case ADAM -> UpdateRule.adam(c.adamBeta1(), c.adamBeta2(), c.adamEpsilon());
    };
  }

  /**
   * An auto rate: the reference's fastest constant step where a plain batch descent takes
   * that step every iteration; else its safe step 1/L (sampled rows, momentum, a schedule or a
   * search need the margin), or the curvature estimate's, which is only a bound.
   */
  private static double defaultRate(DescentOptions c, OptimizerKinds.Update update,
      ExactReference reference, Supplier<CurvatureEstimate> curvature) {
    if (update == OptimizerKinds.Update.ADAM) {
      return ADAM_DEFAULT_RATE;
    }
    if (reference == null) {
      return curvature.get().safeStep();
    }
    boolean constantPlainBatch = c.mode() == Mode.BATCH && update == OptimizerKinds.Update.PLAIN
        && c.schedule() == OptimizerKinds.Schedule.CONSTANT
        && c.step() == OptimizerKinds.Step.SCHEDULE;
    return constantPlainBatch ? reference.fastestStep() : reference.safeStep();
  }

  private static LearningRateSchedule schedule(DescentOptions c, double rate) {
    return switch (c.schedule()) {
      case CONSTANT, ADAPTIVE -> LearningRateSchedule.constant(rate);
      case INVERSE_SQRT -> LearningRateSchedule.inverseSqrt(rate);
      case INVERSE_SCALING -> LearningRateSchedule.inverseScaling(rate, c.powerT());
      case STEP -> LearningRateSchedule.stepDecay(rate, c.decayFactor(), c.decayEvery());
    };
  }
}
