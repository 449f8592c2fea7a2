package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop on an in-memory quadratic J(θ) = Σ_j h_j (θ_j − t_j)², no Spark needed. */
class GradientDescentTest {
  private static final double[] TARGET = {0.5, -1.0, 2.0};
  private static final double[] CURVATURE = {1.0, 2.0, 0.5};

  private static Evaluation quadratic(double[] theta, long iteration) {
    double cost = 0;
    double[] gradient = new double[theta.length];
    for (int j = 0; j < theta.length; j++) {
      double d = theta[j] - TARGET[j];
      cost += CURVATURE[j] * d * d;
      gradient[j] = 2 * CURVATURE[j] * d;
    }
    return new Evaluation(cost, gradient, 100);
  }

  private static DescentResult run(double rate, long maxIterations, double tolerance) {
    DescentSettings settings = new DescentSettings(rate, maxIterations,
        ConvergenceChecker.relativeCostChange(tolerance), 100);
    return new GradientDescent(settings).run(GradientDescentTest::quadratic, new double[3],
        IterationListener.NONE);
  }

  @Test
  void reachesTheMinimumAndStopsOnTolerance() {
    DescentResult r = run(0.2, 10_000, 1e-15);
    assertEquals(StopReason.CONVERGED, r.stopReason());
    assertArrayEquals(TARGET, r.theta(), 1e-7);
    assertTrue(r.updates() < 10_000);
  }

  @Test
  void historyRowKHoldsTheCostBeforeTheKthUpdate() {
    DescentResult r = run(0.1, 5, 0);
    List<IterationRecord> h = r.history();
    assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
    assertEquals(5, r.updates());
    assertEquals(6, h.size());
    assertEquals(quadratic(new double[3], 0).cost(), h.get(0).cost(), 0);
    assertArrayEquals(new double[3], h.get(0).theta());
    for (int k = 1; k < h.size(); k++) {
      double[] previous = h.get(k - 1).theta();
      double[] gradient = quadratic(previous, 0).gradient();
      for (int j = 0; j < 3; j++) {
        assertEquals(previous[j] - 0.1 * gradient[j], h.get(k).theta()[j], 1e-15);
      }
      assertEquals(quadratic(h.get(k).theta(), 0).cost(), h.get(k).cost(), 0);
      assertEquals(k, h.get(k).iteration());
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
    DescentSettings settings = new DescentSettings(0.1, 10,
        ConvergenceChecker.relativeCostChange(0), 1e300);
    DescentResult r = new GradientDescent(settings).run(
        (theta, k) -> new Evaluation(k == 3 ? Double.NaN : 1.0, new double[1], 5),
        new double[1], IterationListener.NONE);
    assertEquals(StopReason.DIVERGED, r.stopReason());
    assertEquals(4, r.history().size());
  }

  @Test
  void anEmptyBatchMakesNoUpdateAndNoRow() {
    DescentSettings settings = new DescentSettings(0.1, 3,
        ConvergenceChecker.relativeCostChange(0), 100);
    DescentResult r = new GradientDescent(settings).run(
        (theta, k) -> k == 1 ? new Evaluation(Double.NaN, new double[] {Double.NaN}, 0)
            : new Evaluation(1.0 + theta[0], new double[] {1.0}, 10),
        new double[1], IterationListener.NONE);
    assertEquals(List.of(0L, 2L, 3L), r.history().stream().map(IterationRecord::iteration).toList());
    assertArrayEquals(new double[] {-0.2}, r.theta(), 1e-15);
    assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
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
