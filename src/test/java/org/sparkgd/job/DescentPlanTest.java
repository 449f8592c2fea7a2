package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkgd.UserError;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.stats.QrAccumulator;

/** The optimizer objects made from the options, without Spark. */
class DescentPlanTest {
  /** The exact reference of a small standardized problem. */
  private static ExactReference reference() {
    double[] z = {1, -1, 0.5, -0.5, 0.25, 0.75};
    double[] y = {0.9, -1.1, 0.4, -0.6, 0.3, 0.7};
    return ExactReference.of(new QrAccumulator(1, true).addRows(z, y), 0, true);
  }

  @Test
  void aSweepIsOneRunPerRateAndRuleNamedAsBefore() {
    DescentOptions options = DescentOptions.builder().learningRates(List.of(0.3, 0.1))
        .updates(List.of(OptimizerKinds.Update.PLAIN, OptimizerKinds.Update.MOMENTUM)).build();
    List<RunSettings> runs = DescentPlan.of(options, 3).runs(null);
    assertEquals(List.of("alpha=0.3,plain", "alpha=0.1,plain", "alpha=0.3,momentum",
        "alpha=0.1,momentum"), runs.stream().map(RunSettings::name).toList());
    assertEquals("alpha=0.1,momentum: Constant[alpha=0.1], momentum(mu=0.9)",
        runs.get(3).toString());
  }

  @Test
  void eachStepOptionMakesItsStrategy() {
    DescentOptions base = DescentOptions.builder().learningRates(List.of(0.5)).build();
    assertEquals("alpha=0.5: backtracking(start=0.5, shrink=0.5), plain", DescentPlan.of(
        base.toBuilder().step(OptimizerKinds.Step.BACKTRACKING).build(), 1).runs(null).get(0)
        .toString());
    assertEquals("alpha=0.5: adaptive(start=0.5, shrink=0.9, patience=100), plain",
        DescentPlan.of(base.toBuilder().schedule(OptimizerKinds.Schedule.ADAPTIVE).build(), 1)
            .runs(null).get(0).toString());
    assertTrue(DescentPlan.of(base.toBuilder().step(OptimizerKinds.Step.LINE_SEARCH).build(), 1)
        .runs(null).get(0).toString().contains("line-search[100.0, 10.0"));
    assertEquals("alpha=0.5: conjugate-gradient(first trial step=0.5), plain, penalty λ=0.2 "
        + "l1-ratio=0.0", DescentPlan.of(base.toBuilder()
            .step(OptimizerKinds.Step.CONJUGATE_GRADIENT).penalty(OptimizerKinds.PenaltyKind.L2)
            .lambda(0.2).build(), 1).runs(null).get(0).toString());
  }

  @Test
  void anAutoRateIsTheSafeStepOfTheReferenceAndNeedsIt() {
    DescentPlan plan = DescentPlan.of(DescentOptions.DEFAULTS, 1);
    assertTrue(plan.wantsReference());
    ExactReference reference = reference();
    assertEquals("alpha=" + reference.safeStep(), plan.runs(reference).get(0).name());
    UserError e = assertThrows(UserError.class, () -> plan.runs(null));
    assertTrue(e.getMessage().startsWith("--learning-rate auto needs the exact reference"));
    assertFalse(DescentPlan.of(DescentOptions.DEFAULTS, 201).wantsReference(),
        "auto computes the reference up to 200 features");
  }

  @Test
  void theStopRuleFollowsTheMode() {
    DescentPlan batch = DescentPlan.of(DescentOptions.DEFAULTS, 1);
    assertTrue(batch.settings(null).convergence() instanceof
        ConvergenceChecker.RelativeCostChange);
    assertTrue(Double.isNaN(batch.settings(null).optimalObjective()));
    DescentPlan mini = DescentPlan.of(DescentOptions.builder().mode(Mode.MINIBATCH).build(), 1);
    assertFalse(mini.settings(reference()).convergence() instanceof
        ConvergenceChecker.RelativeCostChange);
    assertEquals(reference().optimalObjective(), mini.settings(reference()).optimalObjective());
  }
}
