package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every feature count's loop (written out for 1–4, the residual runs above) gives the sums of
 * the definition, computed here exactly in BigDecimal, and writes only its own slice.
 */
class ResidualSumsTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 33})
  void theLoopOfEachFeatureCountGivesTheExactSums(int d) {
    // More rows than one run of the many-feature loop, and not a multiple of it.
    int rows = ResidualSums.RUN + 1234;
    Random random = new Random(d);
    double[] x = gaussians(random, rows * d, 0);
    double[] y = gaussians(random, rows, 3);
    double[] theta = gaussians(random, d + 1, 0);
    int base = 3;
    double[] sums = new double[base + d + 2 + 2];
    sums[base - 1] = 7;
    sums[base + d + 2] = 9;
    ResidualSums.add(x, y, d, theta, sums, base, ResidualSums.scratch(d));

    BigDecimal[] exact = exactSums(x, y, d, theta);
    for (int k = 0; k < d + 2; k++) {
      double expected = exact[k].doubleValue();
      assertEquals(expected, sums[base + k], 1e-11 * Math.max(1, Math.abs(expected)),
          "sum " + k + " with " + d + " features");
    }
    assertEquals(7, sums[base - 1], "the slice before is untouched");
    assertEquals(9, sums[base + d + 2], "the slice after is untouched");
  }

  /** A range [from, to) adds those rows only (the mini-batch path), for every loop. */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 6})
  void aRangeAddsItsRowsOnly(int d) {
    int rows = 50;
    double[] x = new double[rows * d];
    double[] y = new double[rows];
    Random random = new Random(d);
    for (int k = 0; k < x.length; k++) {
      x[k] = random.nextGaussian();
    }
    for (int i = 0; i < rows; i++) {
      y[i] = random.nextGaussian();
    }
    double[] theta = new double[d + 1];
    for (int j = 0; j <= d; j++) {
      theta[j] = 0.5 * j - 0.25;
    }
    double[] sums = new double[d + 2];
    ResidualSums.add(x, y, 7, 20, d, theta, sums, 0, ResidualSums.scratch(d));
    BigDecimal[] exact = exactSums(java.util.Arrays.copyOfRange(x, 7 * d, 20 * d),
        java.util.Arrays.copyOfRange(y, 7, 20), d, theta);
    for (int k = 0; k < d + 2; k++) {
      assertEquals(exact[k].doubleValue(), sums[k], 1e-12 * Math.abs(exact[k].doubleValue()),
          "sum " + k);
    }
  }

  /**
   * The wide loop's four rows at a time add up exactly as one row at a time does (each run of
   * {@link ResidualSums#RUN} rows summed apart), so a fit does not depend on how rows group.
   */
  @ParameterizedTest
  @ValueSource(ints = {5, 9, 1000})
  void theWideLoopSumsAsARowAtATimeBitForBit(int d) {
    int rows = ResidualSums.RUN + 7;
    Random random = new Random(d);
    double[] x = gaussians(random, rows * d, 0);
    double[] y = gaussians(random, rows, 0);
    double[] theta = gaussians(random, d + 1, 0);
    double[] sums = new double[d + 2];
    ResidualSums.add(x, y, 1, rows, d, theta, sums, 0, ResidualSums.scratch(d));
    double[] expected = new double[d + 2];
    for (int start = 1; start < rows; start += ResidualSums.RUN) {
      double[] run = new double[d + 2];
      for (int i = start; i < Math.min(rows, start + ResidualSums.RUN); i++) {
        double r = theta[0];
        for (int j = 0; j < d; j++) {
          r += theta[j + 1] * x[i * d + j];
        }
        r -= y[i];
        run[0] += r * r;
        run[1] += r;
        for (int j = 0; j < d; j++) {
          run[2 + j] += r * x[i * d + j];
        }
      }
      for (int k = 0; k < run.length; k++) {
        expected[k] += run[k];
      }
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, sums);
  }

  private static double[] gaussians(Random random, int n, double mean) {
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      values[k] = mean + random.nextGaussian();
    }
    return values;
  }

  /** Σ r², Σ r, Σ r·x_j in exact arithmetic. */
  private static BigDecimal[] exactSums(double[] x, double[] y, int d, double[] theta) {
    BigDecimal[] sums = new BigDecimal[d + 2];
    java.util.Arrays.fill(sums, BigDecimal.ZERO);
    for (int i = 0; i < y.length; i++) {
      BigDecimal r = new BigDecimal(theta[0]).subtract(new BigDecimal(y[i]));
      for (int j = 0; j < d; j++) {
        r = r.add(new BigDecimal(theta[j + 1]).multiply(new BigDecimal(x[i * d + j])));
      }
      sums[0] = sums[0].add(r.multiply(r, MathContext.DECIMAL128));
      sums[1] = sums[1].add(r);
      for (int j = 0; j < d; j++) {
        sums[2 + j] = sums[2 + j].add(r.multiply(new BigDecimal(x[i * d + j]),
            MathContext.DECIMAL128));
      }
    }
    return sums;
  }
}
