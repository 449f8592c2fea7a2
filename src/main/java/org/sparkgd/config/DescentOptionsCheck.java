package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;

/**
 * The checks of {@link DescentOptions} that involve more than one value (each value alone is
 * checked by its option's {@link Rule}): each failure is one usage line naming the options.
 */
final class DescentOptionsCheck {
  private DescentOptionsCheck() {}

  static void check(DescentOptions o) {
    require(!o.lineSearchSteps().isEmpty(), "--line-search-steps names no step");
    require(!o.updates().isEmpty(), "--update names no rule");
    require(o.adamBeta1() >= 0 && o.adamBeta1() < 1 && o.adamBeta2() >= 0 && o.adamBeta2() < 1,
        "--adam-beta1 and --adam-beta2 must be in [0, 1)");
    require(o.penalty() == OptimizerKinds.PenaltyKind.NONE || o.lambda() > 0,
        "--penalty " + Choices.word(o.penalty()) + " needs --lambda > 0");
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
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }
}
