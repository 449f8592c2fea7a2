package org.sparkgd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
  private static final double[] Y = {3, 5, 7, 10};
  private static final double[] PREDICTED = {2.5, 5.5, 8, 9};

  private static RegressionMetrics.Sums sums(int from, int to, double reference) {
    RegressionMetrics.Sums sums = new RegressionMetrics.Sums();
    for (int i = from; i < to; i++) {
      sums.add(PREDICTED[i] - Y[i], Y[i] - reference);
    }
    return sums;
  }

  @Test
  void matchesTheTextbookFormulas() {
    // residuals −0.5, 0.5, 1, −1: Σr² = 2.5, Σ|r| = 3; ȳ = 6.25, Σ(y − ȳ)² = 26.75
    RegressionMetrics m = sums(0, 4, 0).metrics();
    assertEquals(4, m.rows());
    assertEquals(Math.sqrt(2.5 / 4), m.rmse(), 1e-15);
    assertEquals(0.75, m.mae(), 1e-15);
    assertEquals(1 - 2.5 / 26.75, m.r2(), 1e-15);
  }

  @Test
  void theReferenceOfTheDeviationsDoesNotMatterAndPartsMerge() {
    RegressionMetrics whole = sums(0, 4, 0).metrics();
    RegressionMetrics merged = sums(0, 1, 6).merge(sums(1, 4, 6)).metrics();
    assertEquals(whole.rmse(), merged.rmse(), 1e-15);
    assertEquals(whole.mae(), merged.mae(), 1e-15);
    assertEquals(whole.r2(), merged.r2(), 1e-14);
  }

  @Test
  void aConstantLabelHasNoR2AndNoRowsNoMetrics() {
    RegressionMetrics.Sums constant = new RegressionMetrics.Sums().add(1, 0).add(-1, 0);
    assertTrue(Double.isNaN(constant.metrics().r2()));
    assertEquals(1, constant.metrics().rmse(), 0);
    assertNull(new RegressionMetrics.Sums().metrics());
  }
}
