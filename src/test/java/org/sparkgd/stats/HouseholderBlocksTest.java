package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked Householder kernel against AS 274's rotations on the same rows: the same R
 * (D^½R̄ has a positive diagonal, so row signs are already settled) and the same fit to 1e-12,
 * on a well-conditioned, a rank-deficient and a weighted design. Blocks of 64 rows in panels
 * of 8 reflectors, so that 1,000 rows make several folds, the last one partial, and 41
 * columns make several panels, the last one narrow.
 */
class HouseholderBlocksTest {
  private static final int ROWS = 1000;
  private static final int D = 40;
  private static final double TOLERANCE = 1e-12;

  private final double[][] x = new double[ROWS][D];
  private final double[] y = new double[ROWS];
  private final double[] w = new double[ROWS];

  HouseholderBlocksTest() {
    SplittableRandom random = new SplittableRandom(29);
    for (int i = 0; i < ROWS; i++) {
      double label = 2;
      for (int j = 0; j < D; j++) {
        x[i][j] = 10 * (j % 3) + random.nextGaussian() * (1 + j % 5);
        label += (j % 7 - 3) * x[i][j];
      }
      y[i] = label + random.nextGaussian();
      w[i] = i % 9 == 0 ? 0 : random.nextDouble(0.2, 4);
    }
  }

  @Test
  void aWellConditionedDesignGivesTheSameFactorAndFit() {
    assertSameFit(false);
  }

  @Test
  void weightedRowsGiveTheSameFactorAndFit() {
    assertSameFit(true);
  }

  @Test
  void aRankDeficientDesignDropsTheSameColumns() {
    for (double[] row : x) {
      row[5] = row[2] - 3 * row[3];
      row[17] = 0;
    }
    LeastSquaresFit blocked = fill(blocked(), true).solve();
    LeastSquaresFit givens = fill(givens(), true).solve();
    assertArrayEquals(givens.aliased(), blocked.aliased());
    assertTrue(blocked.aliased()[6] && blocked.aliased()[18], "x5 and x17 aliased");
    assertEquals(D - 1, blocked.rank());
    assertClose(givens.coefficients(), blocked.coefficients(), "coefficients");
  }

  /** A partition's buffered rows go into its factor when it is sent to the driver. */
  @Test
  void bufferedRowsTravelInsideTheFactor() {
    QrAccumulator first = blocked();
    QrAccumulator second = blocked();
    for (int i = 0; i < ROWS; i++) {
      (i < 300 ? first : second).add(x[i], y[i], w[i]);
    }
    QrAccumulator merged = QrAccumulatorTest.roundTrip(first)
        .merge(QrAccumulatorTest.roundTrip(second));
    assertClose(fill(givens(), true).solve().coefficients(), merged.solve().coefficients(),
        "coefficients of two partitions");
  }

  /** Several partitions, merged in order, agree with one to 1e-12. */
  @Test
  void thePartitionCountDoesNotChangeTheFit() {
    double[] one = fill(blocked(), true).solve().coefficients();
    for (int parts : new int[] {2, 7}) {
      QrAccumulator total = blocked();
      for (int part = 0; part < parts; part++) {
        QrAccumulator partition = blocked();
        for (int i = part * ROWS / parts; i < (part + 1) * ROWS / parts; i++) {
          partition.add(x[i], y[i], w[i]);
        }
        total.merge(partition);
      }
      assertClose(one, total.solve().coefficients(), parts + " partitions");
    }
  }

  /**
   * NIST's Wampler1 (degree 5: x = 0…20, y = Σxᵏ, every coefficient 1) and its degree-10
   * sibling, by the product's route (standardized factor mapped back, then two refinement
   * passes). The factor alone lands within a digit of the rotations' (its last digits are
   * rounding: by block shape they move from −1.0 to +0.7 digits around the rotations'); after
   * refinement the targets are met. The product's shape, and blocks of 8 rows in panels of 4
   * (21 rows make three folds).
   */
  @ParameterizedTest(name = "degree {0}, blocks of {2} rows, panels of {3}")
  @CsvSource({"5, 9, 1024, 32", "10, 7, 1024, 32", "5, 9, 8, 4", "10, 7, 8, 4"})
  void polynomialDesignsKeepTheirDigits(int degree, double refinedTarget, int rows, int panel) {
    PolynomialDesign design = new PolynomialDesign(degree);
    double[] digits = new double[4];
    for (int kernel = 0; kernel < 2; kernel++) {
      double[][] z = design.standardizedX();
      QrAccumulator qr = new QrAccumulator(degree, true, kernel == 0 ? 0 : rows, panel);
      for (int i = 0; i < PolynomialDesign.ROWS; i++) {
        qr.add(z[i], design.standardizedY()[i], 1);
      }
      LeastSquaresFit fit = StandardizedScale.toOriginal(qr.solve(), design.means,
          design.stds, design.labelMean, design.labelStd);
      digits[kernel] = PolynomialDesign.digits(fit.coefficients());
      digits[2 + kernel] = PolynomialDesign.digits(
          QrAccuracyTest.refine(fit, design, 2).coefficients());
    }
    System.out.printf("degree %d, %d×%d: digits Givens %.2f, blocked %.2f; refined twice "
        + "%.2f, %.2f%n", degree, rows, panel, digits[0], digits[1], digits[2], digits[3]);
    assertTrue(digits[1] >= digits[0] - 1, "QR alone: " + digits[1] + " against "
        + digits[0]);
    assertTrue(digits[3] >= refinedTarget, "refined: " + digits[3]);
  }

  private void assertSameFit(boolean weighted) {
    QrAccumulator blocked = fill(blocked(), weighted);
    QrAccumulator givens = fill(givens(), weighted);
    assertClose(givens.upperTriangle(false), blocked.upperTriangle(false), "R");
    LeastSquaresFit b = blocked.solve();
    LeastSquaresFit g = givens.solve();
    assertClose(g.coefficients(), b.coefficients(), "coefficients");
    assertEquals(g.residualSumOfSquares(), b.residualSumOfSquares(),
        TOLERANCE * g.residualSumOfSquares());
    for (int j = 0; j <= D; j++) {
      assertClose(g.unscaledCovariance()[j], b.unscaledCovariance()[j], "covariance " + j);
    }
    assertEquals(g.observations(), b.observations());
  }

  private QrAccumulator fill(QrAccumulator qr, boolean weighted) {
    for (int i = 0; i < ROWS; i++) {
      qr.add(x[i], y[i], weighted ? w[i] : 1);
    }
    return qr;
  }

  private static QrAccumulator blocked() {
    return new QrAccumulator(D, true, 64, 8);
  }

  private static QrAccumulator givens() {
    return new QrAccumulator(D, true, 0, 8);
  }

  /** Equal to {@link #TOLERANCE} relative to the largest entry. */
  private static void assertClose(double[] expected, double[] actual, String what) {
    double scale = 0;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    assertArrayEquals(expected, actual, TOLERANCE * scale, what);
  }
}
