package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.Standardization;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.LearningRateSchedule;
import org.sparkgd.optim.Penalty;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.optim.StepStrategy;
import org.sparkgd.optim.UpdateRule;

/**
 * The optimizer objects of a fit, built once from its options: the penalty, whether to compute
 * the exact reference, the settings every run shares, and the runs fitted together (one per
 * learning rate × update rule; an auto rate needs the reference, so the runs are made from it).
 *
 * @param wantsReference whether the fit computes the exact reference (one extra pass)
 */
public record DescentPlan(DescentOptions options, Penalty penalty, boolean wantsReference) {
  /** Adam's step is about α per coordinate whatever the curvature: its own usual default. */
  static final double ADAM_DEFAULT_RATE = 0.01;
  /** --reference auto computes the reference up to this many features. */
  static final int AUTO_REFERENCE_FEATURES = 200;

  public static DescentPlan of(DescentOptions c, int numFeatures) {
    Penalty penalty = switch (c.penalty()) {
      case NONE -> Penalty.NONE;
      case L2 -> new Penalty(c.lambda(), 0);
      case L1 -> new Penalty(c.lambda(), 1);
      case ELASTIC_NET -> new Penalty(c.lambda(), c.l1Ratio());
    };
    boolean reference = switch (c.reference()) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> numFeatures <= AUTO_REFERENCE_FEATURES;
    };
    return new DescentPlan(c, penalty, reference);
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

  /** The runs, in order. */
  public List<RunSettings> runs(ExactReference reference) {
    return runs(options, reference);
  }

  /**
   * @param reference the exact reference, or null when not computed
   */
  private List<RunSettings> runs(DescentOptions c, ExactReference reference) {
    List<RunSettings> runs = new ArrayList<>();
    boolean sweepUpdates = c.updates().size() > 1;
    for (OptimizerKinds.Update update : c.updates()) {
      List<Double> rates = c.autoLearningRate()
          ? List.of(defaultRate(c, update, reference)) : c.learningRates();
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

  private static double defaultRate(DescentOptions c, OptimizerKinds.Update update,
      ExactReference reference) {
    if (update == OptimizerKinds.Update.ADAM) {
      return ADAM_DEFAULT_RATE;
    }
    if (reference == null) {
      throw UserError.usage("--learning-rate auto needs the exact reference, which is off ("
          + "--reference " + Choices.word(c.reference()) + ", over 200 features for "
          + "auto): give --learning-rate or --reference on");
    }
    return reference.safeStep();
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
