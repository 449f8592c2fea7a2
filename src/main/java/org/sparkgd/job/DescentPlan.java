package org.sparkgd.job;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.OptimizerKinds;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.engine.ExactReference;
import org.sparkgd.optim.LearningRateSchedule;
import org.sparkgd.optim.Penalty;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.optim.StepMode;

/** Turns a fit's options into the runs it fits together: one per learning rate × update rule. */
public final class DescentPlan {
  /** Adam's step is about α per coordinate whatever the curvature: its own usual default. */
  static final double ADAM_DEFAULT_RATE = 0.01;

  private DescentPlan() {}

  public static Penalty penalty(DescentOptions c) {
    return switch (c.penalty()) {
      case NONE -> Penalty.NONE;
      case L2 -> new Penalty(c.lambda(), 0);
      case L1 -> new Penalty(c.lambda(), 1);
      case ELASTIC_NET -> new Penalty(c.lambda(), c.l1Ratio());
    };
  }

  /** Whether the fit computes the exact reference (one extra pass over the data). */
  public static boolean wantsReference(DescentOptions c, int numFeatures) {
    return switch (c.reference()) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> numFeatures <= 200;
    };
  }

  /**
   * @param reference the exact reference, or null when not computed
   */
  public static List<RunSettings> runs(DescentOptions c, ExactReference reference) {
    List<RunSettings> runs = new ArrayList<>();
    boolean sweepUpdates = c.updates().size() > 1;
    for (OptimizerKinds.Update update : c.updates()) {
      List<Double> rates = c.learningRates();
      if (rates.isEmpty()) {
        rates = List.of(defaultRate(c, update, reference));
      }
      for (double rate : rates) {
        String name = "alpha=" + rate + (sweepUpdates ? "," + update.name().toLowerCase() : "");
        runs.add(new RunSettings(name, stepMode(c), schedule(c, rate),
            c.lineSearchSteps().stream().mapToDouble(Double::doubleValue).toArray(),
            c.schedule() == OptimizerKinds.Schedule.ADAPTIVE ? c.adaptiveFactor() : 0.5,
            c.patience(), RunSettings.UpdateKind.valueOf(update.name()), c.momentum(),
            c.adamBeta1(), c.adamBeta2(), c.adamEpsilon(), penalty(c)));
      }
    }
    return runs;
  }

  private static double defaultRate(DescentOptions c, OptimizerKinds.Update update,
      ExactReference reference) {
    if (update == OptimizerKinds.Update.ADAM) {
      return ADAM_DEFAULT_RATE;
    }
    if (reference == null) {
      throw UserError.usage("--learning-rate auto needs the exact reference, which is off ("
          + "--reference " + c.reference().name().toLowerCase() + ", over 200 features for "
          + "auto): give --learning-rate or --reference on");
    }
    return reference.safeStep();
  }

  private static StepMode stepMode(DescentOptions c) {
    if (c.schedule() == OptimizerKinds.Schedule.ADAPTIVE) {
      return StepMode.ADAPTIVE;
    }
    return switch (c.step()) {
      case SCHEDULE -> StepMode.SCHEDULE;
      case LINE_SEARCH -> StepMode.LINE_SEARCH;
      case BACKTRACKING -> StepMode.BACKTRACKING;
      case CONJUGATE_GRADIENT -> StepMode.CONJUGATE_GRADIENT;
    };
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
