package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardizedScaleTest {
  private static final double[] X = {1, 2, 4, 7, 11};
  private static final double[] Y = {3, 4, 9, 14, 23};

  @Test
  void aConstantFeatureStaysAliasedAndTheOtherMapsBack() {
    // z of the constant feature is all 0 (Standardization's rule); the other is (x − 5)/4.
    QrAccumulator standardized = new QrAccumulator(2, true);
    QrAccumulator raw = new QrAccumulator(1, true);
    for (int i = 0; i < X.length; i++) {
      standardized.add(new double[] {0, (X[i] - 5) / 4}, (Y[i] - 10) / 2, 1);
      raw.add(new double[] {X[i]}, Y[i], 1);
    }
    LeastSquaresFit mapped = StandardizedScale.toOriginal(standardized.solve(),
        new double[] {3, 5}, new double[] {0, 4}, 10, 2);
    LeastSquaresFit direct = raw.solve();
    assertArrayEquals(new boolean[] {false, true, false}, mapped.aliased());
    assertEquals(0, mapped.coefficients()[1]);
    assertEquals(direct.coefficients()[0], mapped.coefficients()[0], 1e-13);
    assertEquals(direct.coefficients()[1], mapped.coefficients()[2], 1e-14);
    assertEquals(direct.unscaledCovariance()[0][0], mapped.unscaledCovariance()[0][0], 1e-14);
    assertEquals(direct.unscaledCovariance()[0][1], mapped.unscaledCovariance()[0][2], 1e-14);
    assertEquals(direct.unscaledCovariance()[1][1], mapped.unscaledCovariance()[2][2], 1e-15);
    assertTrue(Double.isNaN(mapped.unscaledCovariance()[1][1]));
    assertEquals(direct.residualSumOfSquares(), mapped.residualSumOfSquares(), 1e-12);
    assertEquals(direct.totalSumOfSquares(), mapped.totalSumOfSquares(), 1e-12);
  }

  @Test
  void withoutInterceptOnlyScalingIsAllowed() {
    QrAccumulator qr = new QrAccumulator(1, false);
    for (int i = 0; i < X.length; i++) {
      qr.add(new double[] {X[i] / 4}, Y[i] / 2, 1);
    }
    LeastSquaresFit fit = qr.solve();
    assertThrows(IllegalArgumentException.class, () -> StandardizedScale.toOriginal(fit,
        new double[] {5}, new double[] {4}, 0, 2));
    LeastSquaresFit mapped = StandardizedScale.toOriginal(fit, new double[] {0},
        new double[] {4}, 0, 2);
    QrAccumulator raw = new QrAccumulator(1, false);
    for (int i = 0; i < X.length; i++) {
      raw.add(new double[] {X[i]}, Y[i], 1);
    }
    assertEquals(raw.solve().coefficients()[0], mapped.coefficients()[0], 1e-15);
    assertEquals(raw.solve().unscaledCovariance()[0][0], mapped.unscaledCovariance()[0][0],
        1e-17);
  }
}
