package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which run a fit keeps, without Spark. */
class BestRunTest {
  private static DescentResult result(String name, StopReason reason, double objective) {
    return result(name, reason, 1, objective);
  }

  private static DescentResult result(String name, StopReason reason, long updates,
      double objective) {
    return new DescentResult(name, name, new double[1], List.of(), reason, updates, objective,
        objective);
  }

  @Test
  void ofRunsAtTheSameOptimumTheFewestUpdatesWin() {
    // The README's sweep: alpha=0.3 and alpha=0.1 both meet the exact stop rule; their costs
    // differ in the last bits only, alpha=0.03 is still descending.
    double optimum = 0.08679214404123456;
    DescentResult slow = result("alpha=0.1", StopReason.CONVERGED, 176, optimum * (1 - 4e-16));
    DescentResult fast = result("alpha=0.3", StopReason.CONVERGED, 50, optimum);
    DescentResult descending = result("alpha=0.03", StopReason.MAX_ITERATIONS, 200,
        0.08679215716);
    assertSame(fast, BestRun.of(List.of(slow, fast, descending)));
    assertSame(fast, BestRun.of(List.of(fast, slow)));
    // Apart by more than rounding: the lower objective wins, however many updates it took.
    DescentResult lower = result("lower", StopReason.MAX_ITERATIONS, 900, optimum * (1 - 1e-10));
    assertSame(lower, BestRun.of(List.of(fast, lower, slow)));
  }

  @Test
  void theLowestObjectiveWinsAmongRunsThatDidNotDiverge() {
    DescentResult slow = result("slow", StopReason.MAX_ITERATIONS, 0.5);
    DescentResult good = result("good", StopReason.CONVERGED, 0.1);
    DescentResult diverged = result("diverged", StopReason.DIVERGED, 0.01);
    assertSame(good, BestRun.of(List.of(slow, diverged, good)));
  }

  @Test
  void aNonFiniteObjectiveLosesAndADivergedRunIsKeptOnlyWhenAllDiverged() {
    DescentResult nan = result("nan", StopReason.MAX_ITERATIONS, Double.NaN);
    DescentResult finite = result("finite", StopReason.MAX_ITERATIONS, 3);
    assertSame(finite, BestRun.of(List.of(nan, finite)));
    DescentResult first = result("first", StopReason.DIVERGED, 7);
    DescentResult second = result("second", StopReason.DIVERGED, 5);
    assertSame(second, BestRun.of(List.of(first, second)));
  }
}
