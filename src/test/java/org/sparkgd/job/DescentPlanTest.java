package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.CurvatureEstimate;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.stats.ExactReference;
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
    List<RunSettings> runs = plan(options, 3).runs(null, NO_ESTIMATE);
    assertEquals(List.of("alpha=0.3,plain", "alpha=0.1,plain", "alpha=0.3,momentum",
        "alpha=0.1,momentum"), runs.stream().map(RunSettings::name).toList());
    assertEquals("alpha=0.1,momentum: Constant[alpha=0.1], momentum(mu=0.9)",
        runs.get(3).toString());
  }

  @Test
  void eachStepOptionMakesItsStrategy() {
    DescentOptions base = DescentOptions.builder().learningRates(List.of(0.5)).build();
    assertEquals("alpha=0.5: backtracking(start=0.5, shrink=0.5), plain", plan(
        base.toBuilder().step(OptimizerKinds.Step.BACKTRACKING).build(), 1).runs(null, NO_ESTIMATE).get(0)
        .toString());
    assertEquals("alpha=0.5: adaptive(start=0.5, shrink=0.9, patience=100), plain",
        plan(base.toBuilder().schedule(OptimizerKinds.Schedule.ADAPTIVE).build(), 1)
            .runs(null, NO_ESTIMATE).get(0).toString());
    assertTrue(plan(base.toBuilder().step(OptimizerKinds.Step.LINE_SEARCH).build(), 1)
        .runs(null, NO_ESTIMATE).get(0).toString().contains("line-search[100.0, 10.0"));
    assertEquals("alpha=0.5: conjugate-gradient(first trial step=0.5), plain, penalty λ=0.2 "
        + "l1-ratio=0.0", plan(base.toBuilder()
            .step(OptimizerKinds.Step.CONJUGATE_GRADIENT).penalty(OptimizerKinds.PenaltyKind.L2)
            .lambda(0.2).build(), 1).runs(null, NO_ESTIMATE).get(0).toString());
  }

  @Test
  void anAutoRateIsTheFastestStepOfAPlainBatchElseTheSafeStepOrTheCurvatureEstimates() {
    DescentPlan plan = plan(DescentOptions.DEFAULTS, 1);
    assertTrue(plan.wantsReference());
    ExactReference reference = reference();
    assertTrue(reference.fastestStep() > reference.safeStep());
    assertEquals("alpha=" + reference.fastestStep(), plan.runs(reference, NO_ESTIMATE).get(0)
        .name());
    for (DescentOptions withMargin : List.of(
        DescentOptions.DEFAULTS.toBuilder().mode(Mode.MINIBATCH).build(),
        DescentOptions.DEFAULTS.toBuilder().updates(List.of(OptimizerKinds.Update.MOMENTUM))
            .build(),
        DescentOptions.DEFAULTS.toBuilder().schedule(OptimizerKinds.Schedule.INVERSE_SQRT)
            .build(),
        DescentOptions.DEFAULTS.toBuilder().step(OptimizerKinds.Step.BACKTRACKING).build())) {
      assertEquals("alpha=" + reference.safeStep(), plan(withMargin, 1)
          .runs(reference, NO_ESTIMATE).get(0).name(), withMargin.toString());
    }
    CurvatureEstimate estimate = new CurvatureEstimate(4, 4 / CurvatureEstimate.SAFETY, 7);
    assertEquals("alpha=0.25", plan.runs(null, () -> estimate).get(0).name());
  }

  @Test
  void autoWeighsTheReferencesCostAgainstThePlannedDescent() {
    DescentOptions auto = DescentOptions.DEFAULTS;
    long heap = 8L << 30;
    ReferenceChoice narrow = DescentPlan.of(auto, 10_000_000, 3, heap).referenceChoice();
    assertTrue(narrow.on(), narrow.reason());
    // 10⁵ × 1,000: about 380 passes (measured: 50 s of QR and algebra, 0.15 s a pass).
    ReferenceChoice measured = DescentPlan.of(auto, 100_000, 1000, heap).referenceChoice();
    assertTrue(measured.on(), measured.reason());
    // 10⁵ × 3,000: about 1,400 passes.
    ReferenceChoice wide = DescentPlan.of(auto, 100_000, 3000, heap).referenceChoice();
    assertFalse(wide.on(), wide.reason());
    assertTrue(wide.reason().startsWith("auto: off, it costs about "), wide.reason());
    // The same width is worth it when the descent is long enough to pay for it.
    assertTrue(DescentPlan.of(auto.toBuilder().maxIterations(100_000).build(), 100_000, 3000,
        heap).wantsReference());
    ReferenceChoice huge = DescentPlan.of(auto.toBuilder().maxIterations(10_000_000).build(),
        1000, 20_000, heap).referenceChoice();
    assertFalse(huge.on(), "20001² doubles, 8 copies, do not fit in 4 GiB: " + huge.reason());
    assertTrue(huge.reason().contains("MB"), huge.reason());
    assertTrue(DescentPlan.of(auto.toBuilder().reference(OptimizerKinds.Reference.ON).build(),
        100_000, 1000, heap).wantsReference());
    assertTrue(DescentPlan.of(auto.toBuilder().solver(OptimizerKinds.Solver.NORMAL).build(),
        100_000, 1000, heap).wantsReference(), "the exact solver needs it whatever the cost");
  }

  @Test
  void theStopRuleFollowsTheMode() {
    DescentPlan batch = plan(DescentOptions.DEFAULTS, 1);
    assertTrue(batch.settings(null).convergence() instanceof
        ConvergenceChecker.RelativeCostChange);
    assertTrue(Double.isNaN(batch.settings(null).optimalObjective()));
    DescentPlan mini = plan(DescentOptions.builder().mode(Mode.MINIBATCH).build(), 1);
    assertFalse(mini.settings(reference()).convergence() instanceof
        ConvergenceChecker.RelativeCostChange);
    assertEquals(reference().optimalObjective(), mini.settings(reference()).optimalObjective());
  }

  private static final Supplier<CurvatureEstimate> NO_ESTIMATE = () -> {
    throw new AssertionError("the curvature estimate is not needed");
  };

  private static DescentPlan plan(DescentOptions options, int features) {
    return DescentPlan.of(options, 1000, features, 1L << 32);
  }
}
