package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QrAccumulatorTest {
  private static final int ROWS = 1000;
  private static final int D = 4;
  private final double[][] x = new double[ROWS][D];
  private final double[] y = new double[ROWS];
  private final double[] w = new double[ROWS];

  QrAccumulatorTest() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < D; j++) {
        x[i][j] = 100 * j + random.nextGaussian() * (j + 1);
      }
      y[i] = 3 - 2 * x[i][0] + 0.5 * x[i][2] + random.nextGaussian();
      w[i] = i % 10 == 0 ? 0 : random.nextDouble(0.5, 3);
    }
  }

  @Test
  void aTinyFitByHand() {
    // x = 0, 1, 2; y = 1, 3, 4: slope Sxy/Sxx = 3/2, intercept 8/3 − 3/2 = 7/6, residuals
    // −1/6, 1/3, −1/6, XᵀX = [[3, 3], [3, 5]] with inverse [[5/6, −1/2], [−1/2, 1/2]].
    QrAccumulator qr = new QrAccumulator(1, true);
    qr.add(new double[] {0}, 1, 1).add(new double[] {1}, 3, 1).add(new double[] {2}, 4, 1);
    LeastSquaresFit fit = qr.solve();
    assertArrayEquals(new double[] {7.0 / 6, 1.5}, fit.coefficients(), 1e-15);
    assertEquals(1.0 / 6, fit.residualSumOfSquares(), 1e-15);
    assertEquals(14.0 / 3, fit.totalSumOfSquares(), 1e-14);
    assertArrayEquals(new double[] {5.0 / 6, -0.5}, fit.unscaledCovariance()[0], 1e-15);
    assertArrayEquals(new double[] {-0.5, 0.5}, fit.unscaledCovariance()[1], 1e-15);
    assertEquals(3, fit.observations());
    assertEquals(2, fit.rank());
  }

  @Test
  void weightedFitMatchesExactNormalEquations() {
    QrAccumulator qr = new QrAccumulator(D, true);
    double[][] design = new double[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      qr.add(x[i], y[i], w[i]);
      design[i] = withIntercept(x[i]);
    }
    LeastSquaresFit fit = qr.solve();
    ExactNormalEquations exact = new ExactNormalEquations(design, y, w);
    for (int j = 0; j <= D; j++) {
      assertEquals(exact.coefficients[j], fit.coefficients()[j],
          1e-11 * Math.abs(exact.coefficients[j]) + 1e-13, "coefficient " + j);
      for (int k = 0; k <= D; k++) {
        assertEquals(exact.inverse[j][k], fit.unscaledCovariance()[j][k],
            1e-9 * Math.sqrt(exact.inverse[j][j] * exact.inverse[k][k]), "covariance " + j + k);
      }
    }
    assertEquals(exact.rss, fit.residualSumOfSquares(), 1e-11 * exact.rss);
    assertEquals(ROWS - ROWS / 10, fit.observations(), "rows of weight 0 are not observations");
  }

  @Test
  void mergingSevenPartsGivesTheSingleFactorsFit() {
    QrAccumulator whole = new QrAccumulator(D, true);
    QrAccumulator[] parts = new QrAccumulator[7];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = new QrAccumulator(D, true);
    }
    int[] cuts = {0, 3, 90, 91, 400, 650, 999, ROWS};
    for (int k = 0; k < parts.length; k++) {
      for (int i = cuts[k]; i < cuts[k + 1]; i++) {
        parts[k].add(x[i], y[i], w[i]);
      }
    }
    for (int i = 0; i < ROWS; i++) {
      whole.add(x[i], y[i], w[i]);
    }
    QrAccumulator merged = new QrAccumulator(D, true);
    for (int k = parts.length - 1; k >= 0; k--) {
      merged.merge(roundTrip(parts[k]));
    }
    LeastSquaresFit a = whole.solve();
    LeastSquaresFit b = merged.solve();
    for (int j = 0; j <= D; j++) {
      assertEquals(a.coefficients()[j], b.coefficients()[j],
          1e-13 * Math.abs(a.coefficients()[j]) + 1e-15);
      for (int k = 0; k <= D; k++) {
        assertEquals(a.unscaledCovariance()[j][k], b.unscaledCovariance()[j][k],
            1e-12 * Math.sqrt(a.unscaledCovariance()[j][j] * a.unscaledCovariance()[k][k]));
      }
    }
    assertEquals(a.residualSumOfSquares(), b.residualSumOfSquares(),
        1e-13 * a.residualSumOfSquares());
    assertEquals(a.totalSumOfSquares(), b.totalSumOfSquares(), 1e-13 * a.totalSumOfSquares());
    assertEquals(a.observations(), b.observations());
  }

  @Test
  void integerWeightsFitLikeDuplicatedRows() {
    QrAccumulator weighted = new QrAccumulator(D, true);
    QrAccumulator duplicated = new QrAccumulator(D, true);
    for (int i = 0; i < 100; i++) {
      int times = i % 4;
      weighted.add(x[i], y[i], times);
      for (int t = 0; t < times; t++) {
        duplicated.add(x[i], y[i], 1);
      }
    }
    LeastSquaresFit a = weighted.solve();
    LeastSquaresFit b = duplicated.solve();
    assertArrayEquals(b.coefficients(), a.coefficients(), 1e-12);
    assertEquals(b.residualSumOfSquares(), a.residualSumOfSquares(), 1e-12);
    assertEquals(b.totalSumOfSquares(), a.totalSumOfSquares(), 1e-9);
    assertEquals(b.unscaledCovariance()[1][1], a.unscaledCovariance()[1][1], 1e-15);
    assertEquals(75, a.observations(), "as in R, n counts the rows of non-zero weight");
    assertEquals(150, b.observations());
  }

  @Test
  void aColumnDependentOnEarlierOnesIsAliasedAndTheRestIsFit() {
    QrAccumulator withDependent = new QrAccumulator(3, true);
    QrAccumulator without = new QrAccumulator(2, true);
    for (int i = 0; i < 50; i++) {
      double[] row = {x[i][0], x[i][1], x[i][0] - 2 * x[i][1] + 7};
      withDependent.add(row, y[i], 1);
      without.add(new double[] {x[i][0], x[i][1]}, y[i], 1);
    }
    LeastSquaresFit fit = withDependent.solve();
    LeastSquaresFit reference = without.solve();
    assertArrayEquals(new boolean[] {false, false, false, true}, fit.aliased());
    assertEquals(3, fit.rank());
    assertEquals(0, fit.coefficients()[3]);
    assertTrue(Double.isNaN(fit.unscaledCovariance()[3][3]));
    assertTrue(Double.isNaN(fit.unscaledCovariance()[0][3]));
    for (int j = 0; j < 3; j++) {
      assertEquals(reference.coefficients()[j], fit.coefficients()[j],
          1e-9 * Math.abs(reference.coefficients()[j]));
      assertEquals(reference.unscaledCovariance()[j][j], fit.unscaledCovariance()[j][j],
          1e-8 * reference.unscaledCovariance()[j][j]);
    }
    assertEquals(reference.residualSumOfSquares(), fit.residualSumOfSquares(),
        1e-9 * reference.residualSumOfSquares());
  }

  @Test
  void aConstantColumnIsAliasedWithTheIntercept() {
    QrAccumulator qr = new QrAccumulator(2, true);
    for (int i = 0; i < 20; i++) {
      qr.add(new double[] {5, x[i][0]}, y[i], 1);
    }
    assertArrayEquals(new boolean[] {false, true, false}, qr.solve().aliased());
  }

  @Test
  void fewerRowsThanColumnsLeavesTheLaterColumnsAliased() {
    QrAccumulator qr = new QrAccumulator(D, true);
    qr.add(x[0], y[0], 1).add(x[1], y[1], 1);
    LeastSquaresFit fit = qr.solve();
    assertEquals(2, fit.rank());
    assertFalse(fit.aliased()[0]);
  }

  @Test
  void packedRowsAddLikeSingleRows() {
    double[] packed = new double[10 * D];
    double[] labels = new double[10];
    QrAccumulator single = new QrAccumulator(D, false);
    for (int i = 0; i < 10; i++) {
      System.arraycopy(x[i], 0, packed, i * D, D);
      labels[i] = y[i];
      single.add(x[i], y[i], 1);
    }
    QrAccumulator block = new QrAccumulator(D, false).addRows(packed, labels);
    assertArrayEquals(single.solve().coefficients(), block.solve().coefficients(), 0);
  }

  @Test
  void errorCases() {
    QrAccumulator qr = new QrAccumulator(2, true);
    assertThrows(IllegalArgumentException.class, () -> qr.add(new double[] {1}, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> qr.add(new double[] {1, 2}, 1, -1));
    assertThrows(IllegalArgumentException.class,
        () -> qr.add(new double[] {1, 2}, 1, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> qr.add(new double[] {1, 2}, 1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> qr.merge(new QrAccumulator(2, false)));
    assertThrows(IllegalArgumentException.class, () -> qr.merge(new QrAccumulator(3, true)));
    assertThrows(IllegalArgumentException.class,
        () -> qr.addRows(new double[] {1, 2, 3}, new double[] {1, 2}));
  }

  private static double[] withIntercept(double[] row) {
    double[] r = new double[row.length + 1];
    r[0] = 1;
    System.arraycopy(row, 0, r, 1, row.length);
    return r;
  }

  /** Through Java serialization, as Spark sends a partition's result. */
  static QrAccumulator roundTrip(QrAccumulator a) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(a);
      }
      try (ObjectInputStream in = new ObjectInputStream(
          new ByteArrayInputStream(bytes.toByteArray()))) {
        return (QrAccumulator) in.readObject();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
