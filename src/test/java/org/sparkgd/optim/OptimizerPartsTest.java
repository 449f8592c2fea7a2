package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules, update rules and penalties, each against answers worked out by hand. */
class OptimizerPartsTest {
  @Test
  void schedulesGiveTheirFormulas() {
    assertEquals(0.3, LearningRateSchedule.constant(0.3).rate(1000));
    assertEquals(1.0, LearningRateSchedule.inverseSqrt(1.0).rate(0));
    assertEquals(0.5, LearningRateSchedule.inverseSqrt(1.0).rate(3), 1e-15);
    assertEquals(0.25, LearningRateSchedule.inverseScaling(0.5, 0.25).rate(15), 1e-15);
    LearningRateSchedule step = LearningRateSchedule.stepDecay(1.0, 0.5, 10);
    assertEquals(1.0, step.rate(9));
    assertEquals(0.5, step.rate(10));
    assertEquals(0.25, step.rate(25));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.stepDecay(1, 1.5, 10));
    assertTrue(LearningRateSchedule.inverseScaling(0.5, 0.25).toString().contains("0.25"));
  }

  @Test
  void momentumAccumulatesTheGradients() {
    UpdateRule m = UpdateRule.momentum(0.5);
    assertArrayEquals(new double[] {1, -2}, m.direction(new double[] {1, -2}));
    assertArrayEquals(new double[] {1.5, -3}, m.direction(new double[] {1, -2}));
    assertArrayEquals(new double[] {0.75, -1.5}, m.direction(new double[] {0, 0}));
  }

  @Test
  void nesterovLooksAhead() {
    UpdateRule n = UpdateRule.nesterov(0.5);
    // v1 = g = 1, d1 = g + μ v1 = 1.5; v2 = 0.5 + 1 = 1.5, d2 = 1 + 0.75 = 1.75
    assertArrayEquals(new double[] {1.5}, n.direction(new double[] {1}));
    assertArrayEquals(new double[] {1.75}, n.direction(new double[] {1}));
  }

  @Test
  void adamNormalizesTheStepAndCorrectsItsBias() {
    UpdateRule a = UpdateRule.adam(0.9, 0.999, 1e-8);
    // t = 1: m̂ = g, v̂ = g², d = g / (|g| + ε) ≈ sign(g), whatever the scale of g.
    double[] d = a.direction(new double[] {200, -0.003});
    assertEquals(1, d[0], 1e-9);
    assertEquals(-1, d[1], 1e-5);
    // t = 2 with g = (100, ...): m = 0.9·20 + 0.1·100 ... computed in full:
    double m = 0.9 * (0.1 * 200) + 0.1 * 100;
    double v = 0.999 * (0.001 * 200 * 200) + 0.001 * 100 * 100;
    double expected = (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
    assertEquals(expected, a.direction(new double[] {100, 0})[0], 1e-12);
  }

  @Test
  void ruleStateSurvivesARoundTrip() {
    for (UpdateRule rule : new UpdateRule[] {UpdateRule.momentum(0.9), UpdateRule.nesterov(0.9),
        UpdateRule.adam(0.9, 0.999, 1e-8)}) {
      rule.direction(new double[] {1, 2});
      rule.direction(new double[] {-1, 3});
      Map<String, double[]> saved = rule.state();
      double[] expected = rule.direction(new double[] {0.5, 0.5});
      UpdateRule fresh = rule instanceof UpdateRule.Adam ? UpdateRule.adam(0.9, 0.999, 1e-8)
          : rule.toString().startsWith("nesterov") ? UpdateRule.nesterov(0.9)
          : UpdateRule.momentum(0.9);
      fresh.restore(saved);
      assertArrayEquals(expected, fresh.direction(new double[] {0.5, 0.5}), 0, rule.toString());
    }
    assertEquals(Map.of(), UpdateRule.plain().state());
  }

  @Test
  void thePenaltySparesTheInterceptAndSoftThresholds() {
    Penalty p = new Penalty(2.0, 0.25); // l1 = 0.5, l2 = 1.5
    double[] theta = {10, 1, -3};
    assertEquals(0.5 * 4 + 1.5 / 2 * 10, p.value(theta), 1e-15);
    assertArrayEquals(new double[] {0.1, 0.2 + 1.5, 0.3 - 4.5},
        p.smoothGradient(theta, new double[] {0.1, 0.2, 0.3}), 1e-15);
    // step 1.5: threshold 0.75
    assertArrayEquals(new double[] {10, 0.25, -2.25}, p.prox(theta.clone(), 1.5), 1e-15);
    assertArrayEquals(new double[] {10, 0, -1}, p.prox(new double[] {10, 0.5, -3}, 4), 1e-15);
    assertTrue(Penalty.NONE.isNone());
    assertNotEquals(0, new Penalty(1, 0).l2());
  }
}
