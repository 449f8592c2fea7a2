package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which run a fit keeps, without Spark. */
class BestRunTest {
  private static DescentResult result(String name, StopReason reason, double objective) {
    return new DescentResult(name, name, new double[1], List.of(), reason, 1, objective,
        objective);
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
