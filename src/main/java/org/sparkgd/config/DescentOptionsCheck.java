package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;

/** The checks of {@link DescentOptions}: each failure is one usage line naming the option. */
final class DescentOptionsCheck {
  private DescentOptionsCheck() {}

  static void check(DescentOptions o) {
    require(o.batchFraction() > 0 && o.batchFraction() <= 1,
        "--batch-fraction must be in (0, 1], got " + o.batchFraction());
    for (double rate : o.learningRates()) {
      require(rate > 0 && Double.isFinite(rate),
          "--learning-rate must be positive numbers (or auto), got " + rate);
    }
    for (double s : o.lineSearchSteps()) {
      require(s > 0 && Double.isFinite(s), "--line-search-steps must be positive, got " + s);
    }
    require(!o.lineSearchSteps().isEmpty(), "--line-search-steps names no step");
    require(!o.updates().isEmpty(), "--update names no rule");
    require(o.powerT() > 0, "--power-t must be > 0, got " + o.powerT());
    require(o.decayFactor() > 0 && o.decayFactor() <= 1,
        "--decay-factor must be in (0, 1], got " + o.decayFactor());
    require(o.decayEvery() >= 1, "--decay-every must be ≥ 1, got " + o.decayEvery());
    require(o.adaptiveFactor() > 0 && o.adaptiveFactor() < 1,
        "--adaptive-factor must be in (0, 1), got " + o.adaptiveFactor());
    require(o.patience() >= 1, "--patience must be ≥ 1, got " + o.patience());
    require(o.momentum() >= 0 && o.momentum() < 1,
        "--momentum must be in [0, 1), got " + o.momentum());
    require(o.adamBeta1() >= 0 && o.adamBeta1() < 1 && o.adamBeta2() >= 0 && o.adamBeta2() < 1,
        "--adam-beta1 and --adam-beta2 must be in [0, 1)");
    require(o.adamEpsilon() > 0, "--adam-epsilon must be > 0, got " + o.adamEpsilon());
    require(o.lambda() >= 0 && Double.isFinite(o.lambda()),
        "--lambda must be ≥ 0, got " + o.lambda());
    require(o.l1Ratio() >= 0 && o.l1Ratio() <= 1,
        "--l1-ratio must be in [0, 1], got " + o.l1Ratio());
    require(o.penalty() == OptimizerKinds.PenaltyKind.NONE || o.lambda() > 0,
        "--penalty " + Choices.word(o.penalty()) + " needs --lambda > 0");
    require(o.gradientCheckTolerance() > 0, "--gradient-check-tolerance must be > 0");
    boolean adaptive = o.schedule() == OptimizerKinds.Schedule.ADAPTIVE;
    require(!adaptive || o.step() == OptimizerKinds.Step.SCHEDULE,
        "--schedule adaptive chooses the step itself (improve or shrink): it goes with --step "
            + "schedule, not --step " + Choices.word(o.step()));
    boolean searching = o.step() != OptimizerKinds.Step.SCHEDULE || adaptive;
    require(!searching || o.updates().equals(List.of(OptimizerKinds.Update.PLAIN)),
        "line search, backtracking, conjugate gradients and the adaptive schedule work with "
            + "--update plain only");
    boolean l1 = o.penalty() == OptimizerKinds.PenaltyKind.L1
        || o.penalty() == OptimizerKinds.PenaltyKind.ELASTIC_NET;
    require(o.solver() != OptimizerKinds.Solver.NORMAL || !l1,
        "--solver normal solves least squares with no penalty or L2 only");
    require(o.step() != OptimizerKinds.Step.CONJUGATE_GRADIENT || (o.mode() == Mode.BATCH && !l1),
        "--step conjugate-gradient needs --mode batch and no L1 penalty (the cost must be "
            + "exact and smooth)");
    require(o.solver() != OptimizerKinds.Solver.NORMAL
        || o.reference() != OptimizerKinds.Reference.OFF,
        "--solver normal needs the exact reference (--reference auto or on)");
    require(o.maxIterations() >= 0, "--max-iterations must be ≥ 0, got " + o.maxIterations());
    require(o.tolerance() >= 0 && Double.isFinite(o.tolerance()),
        "--tolerance must be ≥ 0 (0 disables it), got " + o.tolerance());
    require(o.divergenceFactor() > 1 && Double.isFinite(o.divergenceFactor()),
        "--divergence-factor must be > 1, got " + o.divergenceFactor());
    require(o.treeDepth() >= 0, "--tree-depth must be ≥ 0 (0: auto), got " + o.treeDepth());
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }
}
