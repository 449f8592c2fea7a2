package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;
import org.sparkgd.data.DataBlock;
import org.sparkgd.stats.LeastSquaresFit;
import org.sparkgd.stats.QrAccumulator;

/** A refinement pass reads the rows again: it refines only when they are the factor's rows. */
class RefinementTest {
  private static final int ROWS = 400;

  /** y = 2 + x₁ − 3x₂ + noise in two weighted blocks (weights 0.5 to 2). */
  private static DataBlock block(int from, int to) {
    double[] x = new double[(to - from) * 2];
    double[] y = new double[to - from];
    double[] w = new double[to - from];
    for (int i = from; i < to; i++) {
      SplittableRandom random = new SplittableRandom(i);
      double x1 = random.nextDouble(-1, 1);
      double x2 = random.nextDouble(-1, 1);
      x[(i - from) * 2] = x1;
      x[(i - from) * 2 + 1] = x2;
      y[i - from] = 2 + x1 - 3 * x2 + 0.1 * random.nextGaussian();
      w[i - from] = 0.5 + 1.5 * random.nextDouble();
    }
    return new DataBlock(2, x, y, w, null);
  }

  @Test
  void refinesTheFactorsRowsAndRefusesOthers() {
    List<DataBlock> blocks = List.of(block(0, ROWS / 2), block(ROWS / 2, ROWS));
    QrAccumulator factor = new QrAccumulator(2, true);
    for (DataBlock b : blocks) {
      factor.addRows(b.features(), b.labels(), b.weights());
    }
    LeastSquaresFit fit = factor.solve();
    // Estimates off by 1e-3 each: one pass over the same rows must bring them back.
    double[] off = fit.coefficients().clone();
    for (int j = 0; j < off.length; j++) {
      off[j] += 1e-3;
    }
    LeastSquaresFit start = fit.withEstimates(off, fit.residualSumOfSquares());
    JavaRDD<DataBlock> rows = SparkTestSession.jsc().parallelize(blocks, 2);

    Optional<LeastSquaresFit> refined = Refinement.refine(rows, start, 1, factor.weightSum());
    assertTrue(refined.isPresent());
    for (int j = 0; j < 3; j++) {
      assertEquals(fit.coefficients()[j], refined.get().coefficients()[j],
          1e-12 * Math.abs(fit.coefficients()[j]));
    }
    assertTrue(Refinement.refine(rows, start, 1, factor.weightSum() * (1 + 1e-4)).isEmpty(),
        "another total weight");
    JavaRDD<DataBlock> fewer = SparkTestSession.jsc().parallelize(List.of(blocks.get(0)), 1);
    assertTrue(Refinement.refine(fewer, start, 2, factor.weightSum()).isEmpty(),
        "half the rows read again");
  }
}
