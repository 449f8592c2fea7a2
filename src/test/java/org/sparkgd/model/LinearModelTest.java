package org.sparkgd.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkgd.data.Standardization;

class LinearModelTest {
  private final Standardization scaling = new Standardization(new double[] {10, -3, 7},
      new double[] {2, 0.5, 0}, 100, 4);
  private final LinearModel model = new LinearModel("y", List.of("a", "b", "c"), scaling,
      new double[] {0.25, 1.5, -2.0, 0.7});

  @Test
  void mapsCoefficientsBackToTheOriginalScale() {
    // β_j = std_y θ_j / std_j; the constant feature c keeps 0 whatever θ_c is.
    assertArrayEquals(new double[] {3.0, -16.0, 0.0}, model.coefficients(), 1e-12);
    // b = mean_y + std_y θ_0 − Σ β_j mean_j = 100 + 1 − (30 + 48)
    assertEquals(23.0, model.intercept(), 1e-12);
  }

  @Test
  void predictionsAgreeOnBothScales() {
    double[] x = {12.5, -2.2, 7};
    double standardized = 0.25 + 1.5 * (12.5 - 10) / 2 + -2.0 * (-2.2 + 3) / 0.5;
    assertEquals(100 + 4 * standardized, model.predict(x), 1e-12);
  }
}
