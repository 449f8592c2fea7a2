package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The exact reference of weighted fits with and without intercept, ridge or not, against the
 * textbook formulas: θ and its objective from the 60-digit normal equations, L and κ from the
 * eigenvalues of the Hessian and of XᵀWX built by hand.
 */
class ExactReferenceTest {
  private static final int ROWS = 300;
  private static final int D = 3;
  private final double[][] x = new double[ROWS][D];
  private final double[] y = new double[ROWS];
  private final double[] w = new double[ROWS];

  ExactReferenceTest() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < D; j++) {
        x[i][j] = random.nextGaussian() * (j + 1) + (j == 2 ? 0.5 * x[i][0] : 0);
      }
      y[i] = 0.3 + x[i][0] - 2 * x[i][1] + 0.1 * x[i][2] + random.nextGaussian();
      w[i] = i % 7 == 0 ? 0 : random.nextDouble(0.2, 4);
    }
  }

  private QrAccumulator factor(boolean intercept, double[] weights, int parts) {
    QrAccumulator total = new QrAccumulator(D, intercept);
    for (int part = 0; part < parts; part++) {
      QrAccumulator qr = new QrAccumulator(D, intercept);
      for (int i = part * ROWS / parts; i < (part + 1) * ROWS / parts; i++) {
        qr.add(x[i], y[i], weights[i]);
      }
      total.merge(qr);
    }
    return total;
  }

  private double[][] design(boolean intercept) {
    double[][] a = new double[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      a[i] = intercept ? new double[] {1, x[i][0], x[i][1], x[i][2]} : x[i].clone();
    }
    return a;
  }

  @Test
  void weightedFitsWithAndWithoutInterceptGiveTheNormalEquationsAnswer() {
    for (boolean intercept : new boolean[] {true, false}) {
      ExactReference reference = ExactReference.of(factor(intercept, w, 1), 0, true);
      ExactNormalEquations exact = new ExactNormalEquations(design(intercept), y, w);
      double[] expected = new double[D + 1];
      System.arraycopy(exact.coefficients, 0, expected, intercept ? 0 : 1,
          exact.coefficients.length);
      assertArrayEquals(expected, reference.theta(), 1e-12, "intercept " + intercept);
      double weightSum = java.util.Arrays.stream(w).sum();
      assertEquals(exact.rss / weightSum, reference.optimalObjective(), 1e-12);
      assertEquals(intercept, reference.fit().intercept());
      assertEquals(ROWS - (ROWS + 6) / 7, reference.fit().observations());
    }
  }

  @Test
  void theCurvatureAndConditionAreTheEigenvaluesOfTheWeightedHessian() {
    for (boolean intercept : new boolean[] {true, false}) {
      for (double ridge : new double[] {0, 0.7}) {
        ExactReference reference = ExactReference.of(factor(intercept, w, 1), ridge, true);
        double[][] a = design(intercept);
        int p = a[0].length;
        double weightSum = java.util.Arrays.stream(w).sum();
        double[][] cross = new double[p][p];
        double[][] hessian = new double[p][p];
        for (int j = 0; j < p; j++) {
          for (int k = 0; k < p; k++) {
            for (int i = 0; i < ROWS; i++) {
              cross[j][k] += w[i] * a[i][j] * a[i][k];
            }
            hessian[j][k] = 2 * cross[j][k] / weightSum;
          }
          hessian[j][j] += intercept && j == 0 ? 0 : ridge;
        }
        double[] h = eigenvalues(hessian);
        assertEquals(h[h.length - 1], reference.lipschitz(), 1e-12 * h[h.length - 1],
            "intercept " + intercept + ", ridge " + ridge);
        assertEquals(h[0], reference.smallestCurvature(), 1e-12 * h[h.length - 1]);
        assertEquals(2 / (h[0] + h[h.length - 1]), reference.fastestStep(),
            1e-12 * reference.fastestStep());
        double[] c = eigenvalues(cross);
        assertEquals(Math.sqrt(c[c.length - 1] / c[0]), reference.conditionNumber(),
            1e-9 * reference.conditionNumber());
      }
    }
  }

  @Test
  void theReferenceDoesNotDependOnHowTheRowsWereSplit() {
    for (boolean intercept : new boolean[] {true, false}) {
      ExactReference one = ExactReference.of(factor(intercept, w, 1), 0.1, true);
      ExactReference seven = ExactReference.of(factor(intercept, w, 7), 0.1, true);
      assertArrayEquals(one.theta(), seven.theta(), 1e-13);
      assertEquals(one.lipschitz(), seven.lipschitz(), 1e-13 * one.lipschitz());
      assertEquals(one.conditionNumber(), seven.conditionNumber(),
          1e-11 * one.conditionNumber());
    }
  }

  @Test
  void anL1PartLeavesNoOptimumButTheCurvature() {
    ExactReference reference = ExactReference.of(factor(true, w, 1), 0.2, false);
    assertNull(reference.theta());
    assertEquals(Double.NaN, reference.optimalObjective());
    assertEquals(ExactReference.of(factor(true, w, 1), 0.2, true).lipschitz(),
        reference.lipschitz(), 0);
    assertEquals(reference.safeStep(), reference.fastestStep(), 0,
        "a proximal step takes 1/L");
  }

  @Test
  void anAliasedColumnIsLeftOutOfTheConditionNumber() {
    QrAccumulator qr = new QrAccumulator(2, true);
    double[][] kept = new double[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      qr.add(new double[] {x[i][0], 2 * x[i][0]}, y[i], 1);
      kept[i] = new double[] {1, x[i][0]};
    }
    ExactReference reference = ExactReference.of(qr, 0, true);
    assertEquals(2, reference.fit().rank(), "x₂ = 2x₁ is aliased");
    double[][] cross = new double[2][2];
    for (double[] row : kept) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 2; k++) {
          cross[j][k] += row[j] * row[k];
        }
      }
    }
    double[] c = eigenvalues(cross);
    assertEquals(Math.sqrt(c[1] / c[0]), reference.conditionNumber(),
        1e-9 * reference.conditionNumber());
    assertEquals(reference.safeStep(), reference.fastestStep(), 0,
        "μ ≈ 0: 2/(L+μ) would be 2/L, where the steepest direction never shrinks");
  }

  /** Ascending. */
  private static double[] eigenvalues(double[][] symmetric) {
    double[] values = new EigenDecomposition(new Array2DRowRealMatrix(symmetric))
        .getRealEigenvalues();
    java.util.Arrays.sort(values);
    return values;
  }
}
