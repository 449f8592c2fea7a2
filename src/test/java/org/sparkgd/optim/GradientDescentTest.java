package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop on an in-memory quadratic, no Spark needed. */
class GradientDescentTest {
  private static DescentSettings settings(long maxIterations, double tolerance) {
    return new DescentSettings(maxIterations, ConvergenceChecker.relativeCostChange(tolerance),
        100, Double.NaN);
  }

  private static DescentResult run(double rate, long maxIterations, double tolerance) {
    return new GradientDescent(settings(maxIterations, tolerance)).run(Quadratic.standard(),
        RunSettings.constant(rate), new double[3], IterationListener.NONE);
  }

  @Test
  void reachesTheMinimumAndStopsOnTolerance() {
    DescentResult r = run(0.2, 10_000, 1e-15);
    assertEquals(StopReason.CONVERGED, r.stopReason());
    assertArrayEquals(Quadratic.standard().target, r.theta(), 1e-7);
    assertTrue(r.updates() < 10_000);
  }

  @Test
  void historyRowKHoldsTheCostBeforeTheKthUpdate() {
    DescentResult r = run(0.1, 5, 0);
    List<IterationRecord> h = r.history();
    Quadratic q = Quadratic.standard();
    assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
    assertEquals(5, r.updates());
    assertEquals(6, h.size());
    assertEquals(q.at(new double[3]).cost(), h.get(0).cost(), 0);
    assertEquals(0, h.get(0).stepSize());
    for (int k = 1; k < h.size(); k++) {
      double[] previous = h.get(k - 1).theta();
      double[] gradient = q.at(previous).gradient();
      for (int j = 0; j < 3; j++) {
        assertEquals(previous[j] - 0.1 * gradient[j], h.get(k).theta()[j], 1e-15);
      }
      assertEquals(q.at(h.get(k).theta()).cost(), h.get(k).cost(), 0);
      assertEquals(k, h.get(k).iteration());
      assertEquals(k + 1, h.get(k).passes());
      assertEquals(0.1, h.get(k).stepSize());
    }
    assertArrayEquals(h.get(5).theta(), r.theta());
  }

  @Test
  void aTooLargeStepDivergesAndKeepsTheHistory() {
    // Stable only for rate < 1 / max curvature = 0.5.
    DescentResult r = run(0.6, 1000, 0);
    assertEquals(StopReason.DIVERGED, r.stopReason());
    assertTrue(r.history().size() > 2 && r.history().size() < 100, "" + r.history().size());
    assertTrue(r.finalCost() > 100 * r.history().get(0).cost());
  }

  @Test
  void aNonFiniteCostIsDivergence() {
    DescentResult r = new GradientDescent(new DescentSettings(10,
        ConvergenceChecker.relativeCostChange(0), 1e300, Double.NaN)).run(
        (points, k) -> new Evaluation[] {new Evaluation(k == 3 ? Double.NaN : 1.0,
            new double[1], 5)},
        RunSettings.constant(0.1), new double[1], IterationListener.NONE);
    assertEquals(StopReason.DIVERGED, r.stopReason());
    assertEquals(4, r.history().size());
  }

  @Test
  void anEmptyBatchMakesNoUpdateAndNoRow() {
    DescentResult r = new GradientDescent(settings(2, 0)).run(
        (points, k) -> new Evaluation[] {k == 1
            ? new Evaluation(Double.NaN, new double[] {Double.NaN}, 0)
            : new Evaluation(1.0 + points[0][0], new double[] {1.0}, 10)},
        RunSettings.constant(0.1), new double[1], IterationListener.NONE);
    assertEquals(List.of(0L, 1L, 2L),
        r.history().stream().map(IterationRecord::iteration).toList());
    assertEquals(List.of(1L, 3L, 4L), r.history().stream().map(IterationRecord::passes).toList());
    assertArrayEquals(new double[] {-0.2}, r.theta(), 1e-15);
  }

  @Test
  void aSweepFitsEveryRateInOnePassPerIteration() {
    Quadratic q = Quadratic.standard();
    List<RunSettings> runs = List.of(RunSettings.constant(0.01), RunSettings.constant(0.1),
        RunSettings.constant(0.3));
    List<DescentResult> together = new GradientDescent(settings(40, 0)).run(q, runs,
        new double[3], null, IterationListener.NONE, Checkpoints.NONE);
    assertEquals(41, q.passes, "K runs cost one pass per iteration, not K");
    for (int r = 0; r < runs.size(); r++) {
      DescentResult alone = new GradientDescent(settings(40, 0)).run(Quadratic.standard(),
          runs.get(r), new double[3], IterationListener.NONE);
      assertArrayEquals(alone.theta(), together.get(r).theta(), 0);
      assertEquals(runs.get(r).name(), together.get(r).history().get(3).run());
    }
  }

  @Test
  void aResumedDescentEndsExactlyAsAnUninterruptedOne() {
    for (RunSettings run : List.of(RunSettings.constant(0.2), Settings.momentum(0.1),
        Settings.adam(0.05), Settings.adaptive(0.4), Settings.lineSearch(),
        Settings.backtracking(5), Settings.conjugate(0.1, Penalty.NONE))) {
      DescentResult whole = new GradientDescent(settings(30, 0)).run(Quadratic.standard(),
          List.of(run), new double[3], null, IterationListener.NONE, Checkpoints.NONE).get(0);
      List<DescentState> saved = new ArrayList<>();
      new GradientDescent(settings(30, 0), 3).run(Quadratic.standard(), List.of(run),
          new double[3], null, IterationListener.NONE, saved::add);
      assertTrue(!saved.isEmpty(), run.name() + " saved no checkpoint");
      DescentState checkpoint = saved.get(saved.size() / 2);
      DescentResult resumed = new GradientDescent(settings(30, 0)).run(Quadratic.standard(),
          List.of(run), new double[3], checkpoint, IterationListener.NONE, Checkpoints.NONE)
          .get(0);
      assertEquals(whole.history().size(), resumed.history().size(), run.name());
      for (int k = 0; k < whole.history().size(); k++) {
        assertArrayEquals(whole.history().get(k).theta(), resumed.history().get(k).theta(), 0,
            run + " row " + k);
      }
      assertArrayEquals(whole.theta(), resumed.theta(), 0);
      assertEquals(whole.stopReason(), resumed.stopReason());
    }
  }

  @Test
  void parameterChangeConvergenceIsRelativeToTheNorm() {
    ConvergenceChecker c = ConvergenceChecker.relativeParameterChange(1e-3);
    assertTrue(c.converged(1, 1, new double[] {100, 0}, new double[] {100.05, 0}));
    assertTrue(!c.converged(1, 1, new double[] {100, 0}, new double[] {100.2, 0}));
    assertTrue(c.converged(1, 1, new double[] {0, 0}, new double[] {0.0005, 0}));
    assertTrue(!ConvergenceChecker.relativeParameterChange(0).converged(1, 1, new double[1],
        new double[1]));
  }
}
