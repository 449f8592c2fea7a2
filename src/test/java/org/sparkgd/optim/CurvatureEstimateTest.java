package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** Power iteration's largest curvature against the exact largest eigenvalue. */
class CurvatureEstimateTest {
  /** Rows of [1 z] with correlated features: a shared factor plus noise of varied scale. */
  private static double[][] design(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] a = new double[n][d + 1];
    for (double[] row : a) {
      double shared = random.nextGaussian();
      row[0] = 1;
      for (int j = 1; j <= d; j++) {
        row[j] = 0.7 * shared + (0.2 + j % 5 * 0.3) * random.nextGaussian();
      }
    }
    return a;
  }

  /** J(θ) = (1/n)‖Aθ − y‖², the intercept masked when it is fixed, as the loss does. */
  private static CostFunction cost(double[][] a, double[] y, boolean intercept, int[] passes) {
    int n = a.length;
    int p = a[0].length;
    return (points, pass) -> {
      passes[0]++;
      Evaluation[] out = new Evaluation[points.length];
      for (int m = 0; m < points.length; m++) {
        double[] g = new double[p];
        double sq = 0;
        for (int i = 0; i < n; i++) {
          double r = -y[i];
          for (int j = 0; j < p; j++) {
            r += a[i][j] * points[m][j];
          }
          sq += r * r;
          for (int j = 0; j < p; j++) {
            g[j] += 2 * r * a[i][j] / n;
          }
        }
        if (!intercept) {
          g[0] = 0;
        }
        out[m] = new Evaluation(sq / n, g, n);
      }
      return out;
    };
  }

  private static double largestEigenvalue(double[][] a, boolean intercept, double l2) {
    int p = a[0].length;
    double[][] h = new double[p][p];
    for (double[] row : a) {
      for (int j = intercept ? 0 : 1; j < p; j++) {
        for (int k = intercept ? 0 : 1; k < p; k++) {
          h[j][k] += 2 * row[j] * row[k] / a.length;
        }
      }
    }
    for (int j = 1; j < p; j++) {
      h[j][j] += l2;
    }
    return new EigenDecomposition(new Array2DRowRealMatrix(h)).getRealEigenvalues()[0];
  }

  @Test
  void estimatesTheLargestEigenvalueFromBelowWithinAFewPasses() {
    for (int d : new int[] {1, 5, 40}) {
      double[][] a = design(500, d, d);
      double[] y = new double[a.length];
      Random random = new Random(3);
      for (int i = 0; i < y.length; i++) {
        y[i] = 3 + a[i][1] + random.nextGaussian();
      }
      for (boolean intercept : new boolean[] {true, false}) {
        int[] passes = {0};
        CurvatureEstimate e = CurvatureEstimate.of(cost(a, y, intercept, passes), d + 1,
            intercept, 0, 42);
        double exact = largestEigenvalue(a, intercept, 0);
        String where = "d=" + d + ", intercept=" + intercept + ": " + e + " vs " + exact;
        assertTrue(e.rayleigh() <= exact * (1 + 1e-12), where);
        assertEquals(exact, e.rayleigh(), 1e-3 * exact, where);
        assertEquals(CurvatureEstimate.SAFETY * e.rayleigh(), e.lipschitz(), 1e-12 * exact);
        assertTrue(e.lipschitz() >= exact, "the step 1/L stays within the safe 1/λ_max: " + where);
        assertEquals(passes[0], e.passes(), where);
        assertTrue(e.passes() < CurvatureEstimate.MAX_PASSES, where);
        // A ridge penalty adds at most λ₂ to the largest eigenvalue: L stays above it.
        double ridge = largestEigenvalue(a, intercept, 0.1);
        assertTrue(CurvatureEstimate.of(cost(a, y, intercept, passes), d + 1, intercept, 0.1, 42)
            .lipschitz() >= ridge, where);
      }
    }
  }

  @Test
  void aSafeStepMakesThePlainDescentConverge() {
    double[][] a = design(400, 20, 7);
    double[] y = new double[a.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = a[i][3] - 2 * a[i][7];
    }
    CostFunction cost = cost(a, y, true, new int[1]);
    double step = CurvatureEstimate.of(cost, 21, true, 0, 1).safeStep();
    double[] theta = new double[21];
    for (int k = 0; k < 3000; k++) {
      double[] g = cost.evaluate(theta, k).gradient();
      for (int j = 0; j < theta.length; j++) {
        theta[j] -= step * g[j];
      }
    }
    assertEquals(0, cost.evaluate(theta, 0).cost(), 1e-12);
  }
}
